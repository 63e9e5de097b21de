
using DataOps.MockData.Templates;
namespace DataOps.Tests.MockData;

/// <summary>The template tree shipped in the repository, parsed once per test run.</summary>
internal static class RepositoryTemplates
{
    public static string Root { get; } = TemplateRootLocator.Resolve(null, AppContext.BaseDirectory);

    private static readonly Lazy<IReadOnlyList<TemplateParseResult>> Parsed = new(
        () => TemplateScanner.Scan(Root).ToList());

    public static IReadOnlyList<TemplateParseResult> All => Parsed.Value;

    public static MockTemplate Get(string id) => All.Single(r => r.Template?.Id == id).Template!;

    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var result in All)
        {
            data.Add(result.SourcePath);
        }

        return data;
    }

    public static MockTemplate ByPath(string path) => All.Single(r => r.SourcePath == path).Template
        ?? throw new InvalidOperationException($"{path} did not parse: {string.Join("; ", All.Single(r => r.SourcePath == path).Errors)}");
}
