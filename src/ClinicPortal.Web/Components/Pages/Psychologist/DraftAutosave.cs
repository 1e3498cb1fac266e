using ClinicPortal.Domain.Accounts;
using ClinicPortal.Domain.Common;
using ClinicPortal.Domain.ProgressNotes;

namespace ClinicPortal.Web.Components.Pages.Psychologist;

/// <summary>
/// The editor's draft saving: a save runs <see cref="Interval"/> after the first unsaved change,
/// so typing saves at most that often. Saves, the signature and the discard take turns through
/// <see cref="Turn"/>, so a draft is never saved after it was signed or discarded.
/// </summary>
internal sealed class DraftAutosave(ILogger logger) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly DelayedRun run = new();
    private bool changedSinceSave;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    /// <summary>The draft's id once saved, or null for a note not saved yet.</summary>
    public int? DraftId { get; set; }

    public DateTime? SavedAtUtc { get; set; }

    public bool Saving { get; private set; }

    /// <summary>Why the last save did not happen, shown beside the buttons, or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Set once the draft is signed or discarded, after which nothing is saved.</summary>
    public bool Closed { get; set; }

    /// <summary>Records a change and schedules <paramref name="saveLater"/> unless a save is already scheduled.</summary>
    public void Change(Func<Task> saveLater)
    {
        changedSinceSave = true;
        run.StartIfIdle(Interval, saveLater);
    }

    public void Cancel() => run.Cancel();

    /// <summary>
    /// Saves through <paramref name="save"/> when anything changed, or always when
    /// <paramref name="now"/> is set. Returns the validation error to show beside the fields, or
    /// null. Raises <see cref="AccessDeniedException"/> for the page to show.
    /// </summary>
    public async Task<DomainValidationException?> SaveAsync(Func<int?, Task<DraftSaved>> save, bool unreadableNumbers, bool now = false)
    {
        await Turn.WaitAsync();
        try
        {
            if (Closed || !(changedSinceSave || now))
            {
                return null;
            }

            if (unreadableNumbers)
            {
                Failure = "Draft not saved: the session number and the progress rating must be whole numbers.";
                return null;
            }

            changedSinceSave = false;
            Saving = true;
            var saved = await save(DraftId);
            DraftId = saved.NoteId;
            SavedAtUtc = saved.SavedAtUtc;
            Failure = null;
            return null;
        }
        catch (DomainValidationException exception)
        {
            Failure = "Draft not saved: correct the fields marked in red. The last saved version is kept.";
            return exception;
        }
        catch (NoteLockedException)
        {
            Failure = "This note was signed in another window, so this page can no longer change it. Reload the page to see it.";
            return null;
        }
        catch (Exception exception) when (exception is not AccessDeniedException)
        {
            // Autosaves are not awaited by any event, so a failure is logged and shown here.
            logger.LogError(exception, "Saving draft progress note {NoteId} failed", DraftId);
            changedSinceSave = true;
            Failure = "Saving the draft failed. The last saved version is kept; the editor tries again after your next change.";
            return null;
        }
        finally
        {
            Saving = false;
            Turn.Release();
        }
    }

    public void Dispose() => run.Dispose();
}
