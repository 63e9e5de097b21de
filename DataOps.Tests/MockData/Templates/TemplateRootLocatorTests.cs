
using DataOps.MockData.Templates;
namespace DataOps.Tests.MockData.Templates;

public sealed class TemplateRootLocatorTests
{
    [Fact]
    public void Resolve_NoConfiguration_FindsTheTreeAboveTheAppDirectory()
    {
        var root = TemplateRootLocator.Resolve(null, AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(root, "generic", "general", "confluence_pages.json")));
    }

    [Fact]
    public void Resolve_ConfiguredRelativeRoot_ResolvesAgainstTheBaseDirectory()
    {
        using var tree = new TemporaryTemplateTree();
        var parent = Path.GetDirectoryName(tree.Root)!;

        Assert.Equal(tree.Root, TemplateRootLocator.Resolve(Path.GetFileName(tree.Root), parent));
    }

    [Fact]
    public void Resolve_ConfiguredRootMissing_ThrowsNamingIt()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => TemplateRootLocator.Resolve("no-such-templates", Path.GetTempPath()));

        Assert.Contains("no-such-templates", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoTreeAnywhereAbove_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => TemplateRootLocator.Resolve(null, Path.GetPathRoot(Path.GetTempPath())!));
    }
}
