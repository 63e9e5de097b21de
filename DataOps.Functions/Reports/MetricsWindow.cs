using System.Globalization;
using DataOps.Functions.Http;

namespace DataOps.Functions.Reports;

/// <summary>
/// Reads <c>?from=&amp;to=</c>: ISO 8601 times (a date alone is midnight UTC; a time without an offset is UTC). Both
/// are optional: <c>to</c> defaults to now, <c>from</c> to 30 days before <c>to</c>. <c>from</c> must be before
/// <c>to</c>, and the window at most <see cref="MaxDays"/> days.
/// </summary>
internal static class MetricsWindow
{
    public const int MaxDays = 366;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    public static (DateTimeOffset From, DateTimeOffset To)? Read(IQueryCollection query, DateTimeOffset now, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(validation);
        var to = Parse(query, "to", validation);
        var from = Parse(query, "from", validation);
        if (!validation.IsValid)
        {
            return null;
        }

        var end = to ?? now;
        var start = from ?? end - SuccessMetricsQuery.DefaultWindow;
        if (start >= end)
        {
            validation.Add("from", "must be before to");
        }
        else if (end - start > TimeSpan.FromDays(MaxDays))
        {
            validation.Add("from", $"must be at most {MaxDays} days before to");
        }

        return validation.IsValid ? (start, end) : null;
    }

    private static DateTimeOffset? Parse(IQueryCollection query, string name, RequestValidation validation)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            validation.Add(name, "must be given once, as an ISO 8601 date or time (2026-12-01 or 2026-12-01T00:00:00Z)");
            return null;
        }

        if (!DateTimeOffset.TryParseExact(values[0], Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            validation.Add(name, "is not an ISO 8601 date or time (2026-12-01 or 2026-12-01T00:00:00Z)");
            return null;
        }

        return at;
    }
}
