namespace DataOps.Domain.Sanitization;

/// <summary>
/// Sanitizes one record (field name -> value, values as in the FieldType contract). By field name: sensitive
/// fields (password, secret, token, api key, credential, ssn, phone, mobile...) are removed; person-name fields
/// (<c>author_name</c>, <c>user_name</c>, <c>owner_name</c>, <c>assignee</c>...) get a pseudonym; e-mail fields get a
/// pseudonym address. Every other string (and string-list item) goes through <see cref="TextSanitizer"/>, which also
/// replaces the names found in the record's name fields wherever they occur. Dates are shifted by
/// <see cref="SanitizationOptions.DateShift"/> (kept when it is zero). Numbers and booleans are kept.
/// Repository names (<c>name</c>, <c>full_name</c>) are not people and are kept.
/// </summary>
public static class RecordSanitizer
{
    private static readonly HashSet<string> _sensitiveWords = new(StringComparer.Ordinal)
    {
        "password", "passwords", "passwd", "pwd", "passphrase", "secret", "secrets", "token", "tokens", "apikey",
        "credential", "credentials", "ssn", "phone", "telephone", "mobile", "cell", "fax",
    };

    private static readonly HashSet<string> _sensitivePairs = new(StringComparer.Ordinal)
    {
        "api key", "access key", "private key", "secret key", "social security", "auth token",
    };

    private static readonly string[] _personPrefixes =
    [
        "author", "user", "owner", "assignee", "reporter", "creator", "sender", "commenter", "contact", "person",
        "employee", "customer", "patient", "display", "first", "last", "real", "member", "manager", "reviewer", "requester",
    ];

    /// <summary>Sanitizes a record; the input is not modified.</summary>
    public static SanitizedRecord Sanitize(IReadOnlyDictionary<string, object?> record, SanitizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(options);
        var report = SanitizationReport.Empty;
        var names = record
            .Where(f => IsPersonNameField(f.Key) && f.Value is string s && !string.IsNullOrWhiteSpace(s))
            .Select(f => ((string)f.Value!).Trim())
            .ToArray();
        var output = new Dictionary<string, object?>(record.Count, StringComparer.Ordinal);
        foreach (var (key, value) in record)
        {
            if (IsSensitiveField(key))
            {
                if (value is not null)
                {
                    report = report.Add(SanitizationRule.SensitiveFieldRemoved);
                }

                continue;
            }

            output[key] = SanitizeValue(key, value, options, names, ref report);
        }

        return new SanitizedRecord(output, report);
    }

    /// <summary>
    /// The distinct people's names found in the name fields of <paramref name="records"/>; pass them as
    /// <see cref="SanitizationOptions.KnownNames"/> so a name is also replaced where another record mentions it
    /// (e.g. a Slack message naming a colleague who wrote other messages).
    /// </summary>
    public static IReadOnlyList<string> CollectNames(IEnumerable<IReadOnlyDictionary<string, object?>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .SelectMany(r => r)
            .Where(f => IsPersonNameField(f.Key) && f.Value is string s && !string.IsNullOrWhiteSpace(s))
            .Select(f => ((string)f.Value!).Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>Whether a field's name marks it as a secret or contact detail to drop entirely.</summary>
    public static bool IsSensitiveField(string fieldName)
    {
        // Whole words only: "business_name" contains the letters "ssn" but is not an SSN field.
        var words = Words(fieldName);
        return words.Any(_sensitiveWords.Contains)
            || words.Zip(words.Skip(1), (a, b) => $"{a} {b}").Any(_sensitivePairs.Contains);
    }

    /// <summary>Whether a field holds a person's name (<c>author_name</c>, <c>assignee</c>, <c>user</c>...).</summary>
    public static bool IsPersonNameField(string fieldName)
    {
        var normalized = Normalize(fieldName);
        if (normalized.Contains("email", StringComparison.Ordinal) || normalized.EndsWith("id", StringComparison.Ordinal))
        {
            return false;
        }

        return _personPrefixes.Any(p => normalized == p || (normalized.StartsWith(p, StringComparison.Ordinal) && normalized.EndsWith("name", StringComparison.Ordinal)));
    }

    private static object? SanitizeValue(string key, object? value, SanitizationOptions options, string[] names, ref SanitizationReport report)
    {
        switch (value)
        {
            case null:
                return null;
            case string text when IsPersonNameField(key) && !string.IsNullOrWhiteSpace(text):
                report = report.Add(SanitizationRule.NameAnonymized);
                return Pseudonyms.Name(text, options.Salt);
            case string text when Normalize(key).Contains("email", StringComparison.Ordinal) && text.Contains('@', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal):
                if (Pseudonyms.IsPseudonymEmail(text))
                {
                    return text;
                }

                report = report.Add(SanitizationRule.EmailReplaced);
                return Pseudonyms.Email(text, options.Salt);
            case string text:
                var sanitized = TextSanitizer.Sanitize(text, options, names);
                report = report.Add(sanitized.Report);
                return sanitized.Text;
            case IReadOnlyList<string> list:
                var items = new string[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    var item = TextSanitizer.Sanitize(list[i], options, names);
                    report = report.Add(item.Report);
                    items[i] = item.Text;
                }

                return items;
            case DateTimeOffset date when options.DateShift != TimeSpan.Zero:
                report = report.Add(SanitizationRule.DateShifted);
                return date + options.DateShift;
            default:
                return value;
        }
    }

    private static string[] Words(string fieldName)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < fieldName.Length; i++)
        {
            var c = fieldName[i];
            var boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(fieldName[i - 1]));
            if (boundary && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return [.. words];
    }

    private static string Normalize(string fieldName)
        => new(fieldName.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
