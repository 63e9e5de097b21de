using System.Collections.Frozen;
using System.Reflection;

namespace DataOps.Functions.Http;

/// <summary>
/// A fixed set of static files embedded in this assembly under one resource prefix, each with its media type, read once.
/// Only the names listed are served, so a path is either one of them or not found: there is no file system behind it.
/// </summary>
internal sealed class EmbeddedFiles
{
    /// <summary>The file served for the root.</summary>
    public const string IndexFile = "index.html";

    private readonly FrozenDictionary<string, string> _contentTypes;
    private readonly FrozenDictionary<string, byte[]> _contents;

    /// <summary>Reads every listed file; throws when one is not embedded (a build without <c>npm ci</c>, say).</summary>
    /// <param name="resourcePrefix">The manifest resource prefix, e.g. <c>Dashboard/</c>.</param>
    /// <param name="what">What the files are, for the error.</param>
    /// <param name="contentTypes">Each served name and its media type.</param>
    public EmbeddedFiles(string resourcePrefix, string what, IReadOnlyDictionary<string, string> contentTypes)
    {
        ResourcePrefix = resourcePrefix;
        _contentTypes = contentTypes.ToFrozenDictionary(StringComparer.Ordinal);
        var assembly = typeof(EmbeddedFiles).Assembly;
        _contents = _contentTypes.Keys.ToFrozenDictionary(name => name, name => Load(assembly, name, what), StringComparer.Ordinal);
    }

    /// <summary>The manifest resource prefix of the files.</summary>
    public string ResourcePrefix { get; }

    /// <summary>The names of the files served.</summary>
    public IEnumerable<string> Names => _contentTypes.Keys;

    /// <summary>Finds a served file by its exact name (empty means <see cref="IndexFile"/>).</summary>
    public bool TryGet(string? name, out byte[] content, out string contentType)
    {
        var key = string.IsNullOrEmpty(name) ? IndexFile : name;
        if (_contentTypes.TryGetValue(key, out var type) && _contents.TryGetValue(key, out var bytes))
        {
            content = bytes;
            contentType = type;
            return true;
        }

        content = [];
        contentType = string.Empty;
        return false;
    }

    /// <summary>The assembly's embedded files under the prefix, for checks that nothing is embedded without being served.</summary>
    public IEnumerable<string> EmbeddedNames(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..]);
    }

    private byte[] Load(Assembly assembly, string name, string what)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The {what} file '{name}' is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
