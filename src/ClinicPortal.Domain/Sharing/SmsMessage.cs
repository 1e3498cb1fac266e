namespace ClinicPortal.Domain.Sharing;

/// <summary>An SMS to send: the recipient in E.164 and the exact text.</summary>
public sealed record SmsMessage(string To, string Body);
