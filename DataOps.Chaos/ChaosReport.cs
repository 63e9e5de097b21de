namespace DataOps.Chaos;

/// <summary>What the failure-path scenarios did: the outage's victim, the provision failed and retried, the teardown cancelled, the sweeps' repairs.</summary>
internal sealed class FailurePathCounts
{
    public string? OutageVictim { get; set; }

    /// <summary>Whether the victim was seen back in VALIDATING during the outage (the sweep found its connector unhealthy).</summary>
    public bool OutageVictimReverted { get; set; }

    public string? FailedForGood { get; set; }

    public int RetriesAccepted { get; set; }

    public string? CancelledTeardown { get; set; }

    /// <summary>Health sweeps seen completing.</summary>
    public int Sweeps { get; set; }

    /// <summary>Stalled datasets the sweeps repaired (dataset, repair).</summary>
    public List<(string Dataset, string Repair)> Repairs { get; } = [];

    /// <summary>READY datasets the sweeps found unhealthy and revalidated.</summary>
    public List<string> Reverted { get; } = [];
}

/// <summary>What a chaos run did and found; prints the summary table.</summary>
internal sealed record ChaosReport(
    ChaosOptions Options,
    IReadOnlyList<ChaosJourney> Journeys,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<string> Timeline,
    int HostKills,
    int AzuriteRestarts,
    int ClientRetries,
    TimeSpan WorkloadDone,
    TimeSpan Elapsed,
    string WorkDirectory)
{
    public FailurePathCounts FailurePaths { get; init; } = new();

    public int ViolationCount => Checks.Sum(c => c.Violations.Count);

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine("== chaos summary");
        output.WriteLine($"| measure | value |");
        output.WriteLine($"| --- | --- |");
        output.WriteLine($"| journeys / datasets | {Journeys.Count} / {Journeys.Sum(j => j.Types.Count)} |");
        output.WriteLine($"| moved on to pilot (stage change sent) | {Journeys.Count(j => j.TransitionSent)} of {Journeys.Count(j => j.MovesOn)} |");
        output.WriteLine($"| host SIGKILLs (each restarted) | {HostKills} |");
        output.WriteLine($"| Azurite restarts | {AzuriteRestarts} |");
        output.WriteLine($"| Glean fault window (20 % 5xx + 10 % 429) | {Options.FaultWindow.TotalSeconds:0} s |");
        output.WriteLine($"| Glean outage: search 100 % 503 + one datasource unhealthy | {Options.OutageWindow.TotalSeconds:0} s ({FailurePaths.OutageVictim ?? "no READY dataset to break"}{(FailurePaths.OutageVictimReverted ? ", taken back to VALIDATING by the sweep" : "")}) |");
        output.WriteLine($"| provision failed for good, then retried (accepted) | {FailurePaths.FailedForGood ?? "none"} ({FailurePaths.RetriesAccepted}) |");
        output.WriteLine($"| teardown cancelled in its grace period | {FailurePaths.CancelledTeardown ?? "none"} |");
        var repairs = FailurePaths.Repairs.GroupBy(r => r.Repair).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        output.WriteLine($"| health sweeps seen / repairs / unhealthy connectors revalidated | {FailurePaths.Sweeps} / {FailurePaths.Repairs.Count}{(FailurePaths.Repairs.Count > 0 ? $" ({string.Join(", ", repairs)})" : "")} / {FailurePaths.Reverted.Count} |");
        output.WriteLine($"| client retries to the other host | {ClientRetries} |");
        output.WriteLine($"| workload and faults done / quiescent | {WorkloadDone.TotalSeconds:0} s / {Elapsed.TotalSeconds:0} s |");
        output.WriteLine();
        output.WriteLine("| check | result | scope |");
        output.WriteLine("| --- | --- | --- |");
        foreach (var check in Checks)
        {
            output.WriteLine($"| {check.Name} | {(check.Passed ? "PASS" : $"FAIL ({check.Violations.Count})")} | {check.Scope} |");
        }

        foreach (var check in Checks.Where(c => !c.Passed))
        {
            output.WriteLine();
            output.WriteLine($"{check.Name}:");
            foreach (var violation in check.Violations.Take(50))
            {
                output.WriteLine("  - " + violation);
            }

            if (check.Violations.Count > 50)
            {
                output.WriteLine($"  ... and {check.Violations.Count - 50} more");
            }
        }

        output.WriteLine();
        output.WriteLine(ViolationCount == 0
            ? $"chaos run passed: {Checks.Count} checks, 0 violations (seed {Options.Seed}; logs in {WorkDirectory})"
            : $"chaos run FAILED: {ViolationCount} violations (seed {Options.Seed}; logs in {WorkDirectory})");
    }
}
