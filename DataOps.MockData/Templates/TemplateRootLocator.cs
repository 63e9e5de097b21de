namespace DataOps.MockData.Templates;

/// <summary>Finds the template tree: a configured root, else <c>mock_data/templates</c> in the app directory or the nearest parent holding one.</summary>
public static class TemplateRootLocator
{
    /// <summary>The relative location of the tree inside the repository and inside the app output.</summary>
    public static readonly string RelativeRoot = Path.Combine("mock_data", "templates");

    /// <summary>
    /// Resolves the root. A configured root is used as given (relative ones against <paramref name="baseDirectory"/>)
    /// and must exist; otherwise the directories from <paramref name="baseDirectory"/> upwards are searched.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No template tree was found.</exception>
    public static string Resolve(string? configuredRoot, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredRoot))
        {
            var full = Path.GetFullPath(configuredRoot, baseDirectory);
            return Directory.Exists(full)
                ? full
                : throw new DirectoryNotFoundException($"The configured template root '{configuredRoot}' does not exist.");
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeRoot);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No '{RelativeRoot}' directory found in '{baseDirectory}' or its parents; set MockData:TemplateRoot.");
    }
}
