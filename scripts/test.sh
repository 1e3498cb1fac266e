#!/usr/bin/env bash
# Installs what the tests need, then builds and runs every test of the solution in Release.
# Arguments are passed on to `dotnet test`, for example: scripts/test.sh --filter SignIn
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The browser tests launch this binary; Playwright's own browser download is not used.
readonly CHROMIUM=/usr/bin/chromium

# Microseconds since the epoch. EPOCHREALTIME's decimal separator follows the locale.
now_us() {
    echo "${EPOCHREALTIME//[!0-9]/}"
}

# Runs a command and prints how long it took, also when it fails, so slow steps show in CI logs.
timed() {
    local name=$1
    shift
    echo "==> $name"
    local start status=0
    start=$(now_us)
    "$@" || status=$?
    local elapsed_ms=$(( ($(now_us) - start) / 1000 ))
    printf '<== %s took %d.%03d s (exit code %d)\n' "$name" $((elapsed_ms / 1000)) $((elapsed_ms % 1000)) "$status"
    return "$status"
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    else
        sudo "$@"
    fi
}

# Installs Debian's chromium package when the binary is missing. A failed install is reported
# but not fatal here: the check after it decides whether the run can go on.
install_chromium() {
    if [[ -x $CHROMIUM ]]; then
        echo "$CHROMIUM is already installed."
        return 0
    fi

    if ! as_root apt-get update; then
        echo "warning: apt-get update failed" >&2
        return 0
    fi
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; then
        echo "warning: apt-get install chromium failed" >&2
    fi
}

timed "dotnet tool restore" dotnet tool restore
timed "install chromium" install_chromium

if [[ ! -x $CHROMIUM ]]; then
    if [[ ${CI:-} == true ]]; then
        echo "error: $CHROMIUM is missing after the install step, so the browser tests cannot run." >&2
        echo "Install Debian's chromium package (apt-get install chromium) and run this script again." >&2
        exit 1
    fi
    echo "warning: $CHROMIUM is missing; the browser tests will fail. Install Debian's chromium package to run them." >&2
fi

timed "dotnet test" dotnet test ClinicPortal.sln --configuration Release "$@"
