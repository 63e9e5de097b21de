namespace DataOps.LocalHost.Hosting;

/// <summary>Names of the meters and activity sources the host collects when telemetry is on.</summary>
public static class DurableTelemetryNames
{
    /// <summary>The durable engine host's meter and activity source: orchestration episodes and activity executions.</summary>
    public const string Durable = "DataOps.Durable";

    /// <summary>The Durable Task Framework's own activity source (orchestration and activity spans it emits).</summary>
    public const string DurableTaskCore = "DurableTask.Core";
}
