namespace DataOps.GleanEmulator.Faults;

/// <summary>What the fault injector decided for one request.</summary>
internal sealed record FaultDecision(int LatencyMillis, int? Status, int? RetryAfterSeconds, bool Hang, int HangMillis, bool AfterProcessing = false)
{
    public static FaultDecision None { get; } = new(0, null, null, false, 0);

    public string? Describe() =>
        Hang ? "timeout"
        : Status is { } s ? (AfterProcessing ? "lost-" : string.Empty) + s.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : null;
}
