using ClinicPortal.Domain.Sharing;

namespace ClinicPortal.Web.Hosting;

internal static partial class SmsSenderStartupLog
{
    /// <summary>Logs which SMS sender is active, and warns when a non-development host only fills the outbox.</summary>
    public static void LogSmsSender(this WebApplication app)
    {
        var sender = app.Services.GetRequiredService<ISmsSender>();
        LogActiveSender(app.Logger, sender.Name);

        if (sender is Sms.DevelopmentSmsSender && !app.Environment.IsDevelopment())
        {
            LogOutboxOutsideDevelopment(app.Logger, app.Environment.EnvironmentName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS sender: {Sender}")]
    private static partial void LogActiveSender(ILogger logger, string sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio is not configured in environment {Environment}: progress updates are stored in the development outbox and not sent. Set Twilio:AccountSid, Twilio:AuthToken and Twilio:PhoneNumber.")]
    private static partial void LogOutboxOutsideDevelopment(ILogger logger, string environment);
}
