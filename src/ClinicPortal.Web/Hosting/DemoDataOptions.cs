namespace ClinicPortal.Web.Hosting;

/// <summary>Demo accounts for local use, bound from the "DemoData" section.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    /// <summary>Seeds the demo accounts. Null means: only in Development.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Password of every demo account. The default is for local use only.</summary>
    public string Password { get; set; } = "Demo-Password-1";
}
