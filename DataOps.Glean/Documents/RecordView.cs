using System.Globalization;

namespace DataOps.Glean.Documents;

/// <summary>Typed reads of a record's canonical fields, tolerant of the value shapes records may carry.</summary>
internal sealed class RecordView(IReadOnlyDictionary<string, object?> record)
{
    // Epoch values above this are milliseconds (the year 5138 in seconds).
    private const long MaxEpochSeconds = 99_999_999_999;

    public string? Text(string field) => record.TryGetValue(field, out var value) ? value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    } : null;

    public IReadOnlyList<string> List(string field) => record.TryGetValue(field, out var value) ? value switch
    {
        IEnumerable<string> list => list.Where(s => !string.IsNullOrWhiteSpace(s)).ToList(),
        string s when s.Length > 0 => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    } : [];

    public long? Number(string field) => record.TryGetValue(field, out var value) ? value switch
    {
        long l => l,
        int i => i,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    } : null;

    /// <summary>A time field as epoch seconds, the unit Glean expects.</summary>
    public long? EpochSeconds(string field) => record.TryGetValue(field, out var value) ? value switch
    {
        DateTimeOffset o => o.ToUnixTimeSeconds(),
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()).ToUnixTimeSeconds(),
        long l => l > MaxEpochSeconds ? l / 1000 : l,
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed.ToUnixTimeSeconds(),
        _ => null,
    } : null;
}
