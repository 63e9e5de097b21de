using System.Globalization;

namespace DataOps.Benchmarks.Workflows;

/// <summary>p50/p95/max of a set of durations, as a table row.</summary>
internal static class Percentiles
{
    public static string Row(string what, IReadOnlyList<TimeSpan> samples)
    {
        var sorted = samples.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"| {what,-44} | {sorted.Length,6} | {At(sorted, 0.50),8:F1} | {At(sorted, 0.95),8:F1} | {sorted[^1].TotalMilliseconds,8:F1} |");
    }

    public const string Header = "| what                                         |      n | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---|---|---|";

    private static double At(TimeSpan[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)].TotalMilliseconds;
}
