using System.Text.RegularExpressions;

namespace DataOps.Domain.Sanitization;

/// <summary>
/// Sanitizes free text, in this order: credentials (private key blocks, bearer tokens, well-known key and token
/// shapes such as AWS access key ids, GitHub, Slack and JWT tokens, then <c>password=...</c>-style assignments),
/// e-mail addresses (replaced by pseudonyms), SSNs, phone numbers, then known people's names (replaced by
/// pseudonyms). Removed values become <c>[REDACTED:kind]</c> markers; dates in text are left alone.
/// Credentials go first so digits inside a token are never mistaken for a phone number.
/// </summary>
public static partial class TextSanitizer
{
    /// <summary>Marker left where a credential was.</summary>
    public const string CredentialMarker = "[REDACTED:credential]";

    /// <summary>Marker left where an SSN was.</summary>
    public const string SsnMarker = "[REDACTED:ssn]";

    /// <summary>Marker left where a phone number was.</summary>
    public const string PhoneMarker = "[REDACTED:phone]";

    /// <summary>Sanitizes one text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">Salt and known names.</param>
    /// <param name="extraNames">More names to anonymize (e.g. from the record's name fields).</param>
    public static SanitizedText Sanitize(string text, SanitizationOptions options, IEnumerable<string>? extraNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var report = SanitizationReport.Empty;
        var result = text;

        result = Replace(result, PrivateKeyBlock(), _ => CredentialMarker, SanitizationRule.CredentialRemoved, ref report);
        result = Replace(result, BearerToken(), _ => "Bearer " + CredentialMarker, SanitizationRule.CredentialRemoved, ref report);
        result = Replace(result, KnownTokenShape(), _ => CredentialMarker, SanitizationRule.CredentialRemoved, ref report);
        result = Replace(result, CredentialAssignment(), m => $"{m.Groups["key"].Value}{m.Groups["sep"].Value}{CredentialMarker}", SanitizationRule.CredentialRemoved, ref report);
        result = Replace(result, EmailAddress(), m => Pseudonyms.IsPseudonymEmail(m.Value) ? null : Pseudonyms.Email(m.Value, options.Salt), SanitizationRule.EmailReplaced, ref report);
        result = Replace(result, Ssn(), _ => SsnMarker, SanitizationRule.SsnRemoved, ref report);
        result = Replace(result, NorthAmericanPhone(), _ => PhoneMarker, SanitizationRule.PhoneRemoved, ref report);
        result = Replace(result, InternationalPhone(), m => DigitCount(m.Value) is >= 8 and <= 15 ? PhoneMarker : null, SanitizationRule.PhoneRemoved, ref report);

        var names = options.KnownNames.Concat(extraNames ?? [])
            .Select(n => n.Trim())
            .Where(n => n.Length >= 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length)
            .ToArray();
        foreach (var name in names)
        {
            // A cheap scan first: most texts mention none of the names, and building a pattern per name is not free.
            if (!result.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var pattern = new Regex($@"(?<![\w]){Regex.Escape(name)}(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            result = Replace(result, pattern, _ => Pseudonyms.Name(name, options.Salt), SanitizationRule.NameAnonymized, ref report);
        }

        return new SanitizedText(result, report);
    }

    private static string Replace(string input, Regex pattern, Func<Match, string?> replacement, SanitizationRule rule, ref SanitizationReport report)
    {
        var count = 0;
        var output = pattern.Replace(input, m =>
        {
            var value = replacement(m);
            if (value is null)
            {
                return m.Value;
            }

            count++;
            return value;
        });
        report = report.Add(rule, count);
        return output;
    }

    private static int DigitCount(string value) => value.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PrivateKeyBlock();

    [GeneratedRegex(@"(?<key>\b[A-Za-z0-9_.-]*(?:password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*[""']?)(?<sep>\s*[:=]\s*)(?!\[REDACTED)(?!Bearer\s)(?<value>""[^""]*""|'[^']*'|[^\s,;""']+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex CredentialAssignment();

    [GeneratedRegex(@"\bBearer\s+(?!\[REDACTED)[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}|xox[abprs]-[A-Za-z0-9-]{10,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|sk-[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{35}|eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex KnownTokenShape();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"(?<![\w-])(?:\d{3}-\d{2}-\d{4}|(?i:ssn)\W{0,3}\d{9})(?![\w-])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w+-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]\d{4}(?![\w-])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NorthAmericanPhone();

    [GeneratedRegex(@"(?<![\w+])\+\d[\d\s().-]{6,18}\d(?![\w])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex InternationalPhone();
}
