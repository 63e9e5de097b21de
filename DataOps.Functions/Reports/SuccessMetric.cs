namespace DataOps.Functions.Reports;

/// <summary>One of the seeds' success metrics over a window, with its target and the counts behind the figure.</summary>
/// <param name="Name">Its name (<c>first_attempt_success_rate</c>, ...).</param>
/// <param name="Title">What it measures, in words.</param>
/// <param name="Unit"><c>percent</c>, <c>count</c> or <c>seconds</c>.</param>
/// <param name="Value">The figure; null when nothing in the window measures it.</param>
/// <param name="Comparison">How the figure must compare to the target: <c>&gt;=</c> or <c>&lt;</c>; null when it has no target.</param>
/// <param name="Target">The seeds' target; null when the seeds give none (the median provisioning time).</param>
/// <param name="Met">Whether the figure meets the target; null when there is no figure or no target.</param>
/// <param name="Counts">The counts the figure is computed from, by name.</param>
/// <param name="Basis">What was counted, in words.</param>
public sealed record SuccessMetric(
    string Name,
    string Title,
    string Unit,
    double? Value,
    string? Comparison,
    double? Target,
    bool? Met,
    IReadOnlyDictionary<string, int> Counts,
    string Basis);
