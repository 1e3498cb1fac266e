using ClinicPortal.Domain.Sharing;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Web.Sms;

/// <summary>
/// Stops the app at start when the Twilio time limits do not fit the share lease. A lease that
/// ran out during a request would let another instance treat a message still in flight as
/// interrupted.
/// </summary>
internal sealed class TwilioTimeoutValidation(IOptions<ProgressSharingOptions> sharing) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var errors = new List<string>();
        var leaseDuration = sharing.Value.LeaseDuration;

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Twilio:RequestTimeout is {options.RequestTimeout}; set a positive time such as 00:00:30.");
        }
        else if (options.RequestTimeout >= leaseDuration)
        {
            errors.Add($"Twilio:RequestTimeout ({options.RequestTimeout}) must be shorter than ProgressSharing:LeaseDuration ({leaseDuration}). Lower the timeout or lengthen the lease.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout >= options.RequestTimeout)
        {
            errors.Add($"Twilio:ConnectTimeout ({options.ConnectTimeout}) must be positive and shorter than Twilio:RequestTimeout ({options.RequestTimeout}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
