using System.Security.Cryptography;

namespace DataOps.MockData.Templates;

/// <summary>Reads every <c>*.json</c> file under a template root, in a stable (ordinal path) order.</summary>
public static class TemplateScanner
{
    /// <summary>Largest template file read; larger files are refused rather than loaded.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Parses each file lazily; unreadable, oversized or invalid files come back with their errors, never as exceptions.</summary>
    public static IEnumerable<TemplateParseResult> Scan(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (full, relative) in files)
        {
            yield return ReadFile(full, relative);
        }
    }

    /// <summary>Reads and parses one file.</summary>
    public static TemplateParseResult ReadFile(string fullPath, string relativePath)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > MaxFileBytes)
            {
                return new TemplateParseResult(relativePath, null, [$"file is {info.Length} bytes, more than the {MaxFileBytes} allowed"]);
            }

            bytes = File.ReadAllBytes(fullPath);
        }
        catch (IOException ex)
        {
            return new TemplateParseResult(relativePath, null, [$"cannot be read: {ex.Message}"]);
        }
        catch (UnauthorizedAccessException ex)
        {
            return new TemplateParseResult(relativePath, null, [$"cannot be read: {ex.Message}"]);
        }

        return TemplateParser.Parse(bytes, relativePath) with { ContentHash = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
    }
}
