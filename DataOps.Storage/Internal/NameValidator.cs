namespace DataOps.Storage.Internal;

/// <summary>Validates container, queue, table and blob names before any request is sent.</summary>
internal static class NameValidator
{
    /// <summary>Containers and queues: 3-63 lower-case letters, digits and single dashes, starting and ending alphanumeric.</summary>
    public static void ContainerOrQueue(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        var valid = name.Length is >= 3 and <= 63
            && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException(
                $"'{name}' is not a valid name: use 3-63 lower-case letters, digits and single dashes, starting and ending with a letter or digit.",
                paramName);
        }
    }

    /// <summary>Tables: 3-63 letters and digits, starting with a letter.</summary>
    public static void Table(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{name}' is not a valid table name: use 3-63 letters and digits, starting with a letter.", paramName);
        }
    }

    /// <summary>Blobs: 1-1024 characters, no control characters.</summary>
    public static void Blob(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (name.Length is < 1 or > 1024 || name.Any(char.IsControl) || name.EndsWith('.') || name.EndsWith('/'))
        {
            throw new ArgumentException("The blob name must be 1-1024 characters without control characters and must not end with '.' or '/'.", paramName);
        }
    }
}
