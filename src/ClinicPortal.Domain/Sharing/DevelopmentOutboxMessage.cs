namespace ClinicPortal.Domain.Sharing;

/// <summary>An SMS the development sender stored instead of sending, so developers see exactly what would go out.</summary>
public sealed class DevelopmentOutboxMessage
{
    public int Id { get; private set; }

    public string To { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    private DevelopmentOutboxMessage()
    {
    }

    public DevelopmentOutboxMessage(string to, string body, DateTime createdAtUtc)
    {
        To = to;
        Body = body;
        CreatedAtUtc = createdAtUtc;
    }
}
