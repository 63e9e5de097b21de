namespace DataOps.Domain.Sanitization;

/// <summary>How many times each sanitization rule changed something. Immutable; combine reports with <see cref="Add(SanitizationReport)"/>.</summary>
public sealed record SanitizationReport
{
    private readonly int[] _counts;

    private SanitizationReport(int[] counts) => _counts = counts;

    /// <summary>A report of no changes.</summary>
    public static SanitizationReport Empty { get; } = new(new int[Enum.GetValues<SanitizationRule>().Length]);

    /// <summary>Counts per rule, every rule present (zero when it never fired).</summary>
    public IReadOnlyDictionary<SanitizationRule, int> Counts
        => Enum.GetValues<SanitizationRule>().ToDictionary(r => r, r => _counts[(int)r]);

    /// <summary>Total number of changes.</summary>
    public int Total => _counts.Sum();

    /// <summary>The count of one rule.</summary>
    public int CountOf(SanitizationRule rule) => _counts[(int)rule];

    /// <summary>This report with <paramref name="count"/> more changes by <paramref name="rule"/>.</summary>
    public SanitizationReport Add(SanitizationRule rule, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return this;
        }

        var counts = (int[])_counts.Clone();
        counts[(int)rule] += count;
        return new SanitizationReport(counts);
    }

    /// <summary>The sum of this report and another.</summary>
    public SanitizationReport Add(SanitizationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SanitizationReport(_counts.Zip(other._counts, (a, b) => a + b).ToArray());
    }

    /// <summary>Value equality over the counts.</summary>
    public bool Equals(SanitizationReport? other) => other is not null && _counts.SequenceEqual(other._counts);

    /// <inheritdoc/>
    public override int GetHashCode() => _counts.Aggregate(17, (h, c) => (h * 31) + c);

    /// <inheritdoc/>
    public override string ToString()
        => string.Join(", ", Enum.GetValues<SanitizationRule>().Where(r => _counts[(int)r] > 0).Select(r => $"{r}={_counts[(int)r]}"));
}
