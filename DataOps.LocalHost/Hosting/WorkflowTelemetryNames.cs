namespace DataOps.LocalHost.Hosting;

/// <summary>Names of the meters and activity sources the host collects when telemetry is on.</summary>
internal static class WorkflowTelemetryNames
{
    /// <summary>
    /// The workflows' meter and activity source: orchestration episodes, activity executions and the task hub's storage
    /// calls, as the task hub worker host runs them.
    /// </summary>
    public const string Workflows = "DataOps.Workflows";

    /// <summary>The Durable Task Framework's own activity source (orchestration and activity spans it emits).</summary>
    public const string DurableTaskCore = "DurableTask.Core";
}
