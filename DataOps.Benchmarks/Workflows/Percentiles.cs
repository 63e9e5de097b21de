using System.Globalization;

namespace DataOps.Benchmarks.Workflows;

/// <summary>Count, p50, p95 and max of a set of durations, in milliseconds (nearest-rank percentiles).</summary>
internal sealed record Percentiles(int Count, double P50Ms, double P95Ms, double MaxMs)
{
    public const string Header = "| what                                         |      n | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---|---|---|";

    public static Percentiles Of(IReadOnlyList<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        return new Percentiles(sorted.Length, At(sorted, 0.50), At(sorted, 0.95), sorted[^1].TotalMilliseconds);
    }

    /// <summary>A row of the <see cref="Header"/> table.</summary>
    public static string Row(string what, IReadOnlyList<TimeSpan> samples)
    {
        var p = Of(samples);
        return string.Create(CultureInfo.InvariantCulture, $"| {what,-44} | {p.Count,6} | {p.P50Ms,8:F1} | {p.P95Ms,8:F1} | {p.MaxMs,8:F1} |");
    }

    private static double At(TimeSpan[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)].TotalMilliseconds;
}
