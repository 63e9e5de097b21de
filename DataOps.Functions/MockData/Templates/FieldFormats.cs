using System.Text.RegularExpressions;

namespace DataOps.Functions.MockData.Templates;

/// <summary>The e-mail and URL shapes used by inference and record validation.</summary>
public static partial class FieldFormats
{
    /// <summary>A plain <c>local@domain.tld</c> address (no display name, no spaces).</summary>
    public static bool IsEmail(string value) => value.Length <= 254 && EmailRegex().IsMatch(value);

    /// <summary>An absolute http or https URL with a host.</summary>
    public static bool IsHttpUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host);

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailRegex();
}
