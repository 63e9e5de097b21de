namespace DataOps.Functions.Workflows;

/// <summary>Workflow settings (configuration section <c>DataOps</c>).</summary>
public sealed class WorkflowOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "DataOps";

    /// <summary>Teardown settings.</summary>
    public TeardownSettings Teardown { get; set; } = new();

    /// <summary>Orphan-scan settings.</summary>
    public OrphanScanSettings OrphanScan { get; set; } = new();

    /// <summary>Health-sweep settings.</summary>
    public HealthSweepSettings HealthSweep { get; set; } = new();

    /// <summary>Provisioning limits.</summary>
    public ProvisioningSettings Provisioning { get; set; } = new();

    /// <summary><c>DataOps:Provisioning</c>: the seeds' limits (ARCH-004).</summary>
    public sealed class ProvisioningSettings
    {
        /// <summary>
        /// Most datasets a client may have that are not archived, across stages and journeys. A request that would
        /// exceed it is refused before anything is written. Default 50.
        /// </summary>
        public int MaxDatasetsPerClient { get; set; } = 50;

        /// <summary>
        /// Most provisions (first attempts and retries) creating and filling connectors at once in one stage, across every
        /// client; the rest wait their turn (queued, not refused). Validation is not held: Glean's search limit paces it.
        /// Default 10.
        /// </summary>
        public int MaxParallelPerStage { get; set; } = 10;
    }

    /// <summary>Scheduled connector sync settings.</summary>
    public ConnectorSyncSettings ConnectorSync { get; set; } = new();

    /// <summary><c>DataOps:Teardown</c>.</summary>
    public sealed class TeardownSettings
    {
        /// <summary>Time between disconnect and delete; a durable timer holds it. Default 24 h.</summary>
        public TimeSpan GracePeriod { get; set; } = TimeSpan.FromHours(24);
    }

    /// <summary><c>DataOps:OrphanScan</c>.</summary>
    public sealed class OrphanScanSettings
    {
        /// <summary>Six-field cron of the scan. Default daily at 02:00.</summary>
        public string Schedule { get; set; } = "0 0 2 * * *";

        /// <summary>Datasets younger than this are never orphans. Default 24 h.</summary>
        public TimeSpan MinimumAge { get; set; } = TimeSpan.FromHours(24);
    }

    /// <summary><c>DataOps:HealthSweep</c>.</summary>
    public sealed class HealthSweepSettings
    {
        /// <summary>Six-field cron of the sweep. Default every 5 minutes.</summary>
        public string Schedule { get; set; } = "0 */5 * * * *";

        /// <summary>Stalled datasets repaired, and unhealthy ones revalidated, in parallel.</summary>
        public int BatchSize { get; set; } = 10;

        /// <summary>
        /// Datasets one probe activity probes (it probes eight at a time, paced by Glean's background share of requests,
        /// <c>Glean:BackgroundShare</c>). Default 100.
        /// </summary>
        public int ProbeBatchSize { get; set; } = 100;

        /// <summary>
        /// The schedule's period. A pass whose probes take this long or longer (a large estate at Glean's background
        /// share) starts the next pass at once rather than at the timer's next tick. Default 5 minutes; zero: never.
        /// </summary>
        public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How long a dataset in PROVISIONING, VALIDATING or TEARDOWN (or FAILED with its compensation unfinished) and its
        /// workflows must have stood still, with none of them running, before the sweep repairs it. Default 2 minutes.
        /// </summary>
        public TimeSpan StallAge { get; set; } = TimeSpan.FromMinutes(2);
    }

    /// <summary><c>DataOps:ConnectorSync</c>.</summary>
    public sealed class ConnectorSyncSettings
    {
        /// <summary>Six-field cron of the run that finds the connectors whose sync is due. Default every 5 minutes.</summary>
        public string Schedule { get; set; } = "0 */5 * * * *";

        /// <summary>Connectors synced in parallel.</summary>
        public int BatchSize { get; set; } = 5;
    }
}
