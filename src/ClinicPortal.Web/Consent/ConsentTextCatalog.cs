using Markdig;
using Microsoft.AspNetCore.Components;

namespace ClinicPortal.Web.Consent;

/// <summary>
/// The consent texts, one Markdown file per version in the ConsentTexts folder (for example
/// ConsentTexts/1.0.md), rendered to HTML once at start. Raw HTML in the files is not rendered.
/// </summary>
public sealed class ConsentTextCatalog
{
    public const string FolderName = "ConsentTexts";

    private readonly Dictionary<string, MarkupString> _texts;

    /// <summary>Reads the texts from the content root, or from the build output when the content root has none.</summary>
    public ConsentTextCatalog(IWebHostEnvironment environment)
        : this(FindFolder(environment.ContentRootPath))
    {
    }

    public ConsentTextCatalog(string folder)
    {
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
        _texts = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.md").ToDictionary(
                file => Path.GetFileNameWithoutExtension(file),
                file => new MarkupString(Markdown.ToHtml(File.ReadAllText(file), pipeline)))
            : [];
    }

    public IReadOnlyCollection<string> Versions => _texts.Keys;

    private static string FindFolder(string contentRoot)
    {
        var underContentRoot = Path.Combine(contentRoot, FolderName);
        return Directory.Exists(underContentRoot) ? underContentRoot : Path.Combine(AppContext.BaseDirectory, FolderName);
    }

    public bool Contains(string version) => _texts.ContainsKey(version);

    /// <summary>Returns the text of a version as HTML.</summary>
    public MarkupString GetHtml(string version) =>
        _texts.TryGetValue(version, out var html)
            ? html
            : throw new KeyNotFoundException($"No consent text for version {version}: add {FolderName}/{version}.md.");
}
