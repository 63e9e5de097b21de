namespace DataOps.Tests.MockData;

/// <summary>A template tree in a temporary directory, deleted on dispose.</summary>
internal sealed class TemporaryTemplateTree : IDisposable
{
    public TemporaryTemplateTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "dataops-templates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public void CopyFromRepository(string relativePath) => Write(relativePath, File.ReadAllBytes(Path.Combine(RepositoryTemplates.Root, relativePath)));

    public void Write(string relativePath, string content) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public void Write(string relativePath, byte[] content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
