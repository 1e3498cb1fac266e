namespace ClinicPortal.Tests.Support;

/// <summary>Reads files of the repository this test assembly was built from, such as docs/api.md.</summary>
internal static class RepositoryFiles
{
    public static string ReadText(string relativePath)
    {
        var webProject = PortalProcess.ReadBuildMetadata("ClinicPortalWebProjectDirectory");
        var root = Path.GetFullPath(Path.Combine(webProject, "..", ".."));
        return File.ReadAllText(Path.Combine(root, relativePath));
    }
}
