using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Watch;

/// <summary>
/// The Durable Functions triggers of this slice: an orchestration function per orchestrator class and an activity
/// function per activity class, each named after its class. The Functions host invokes these; each runs the class-based
/// orchestrator on the context the Durable extension gives, or creates the activity from the invocation's services
/// (constructor injection; activities that start or query orchestrations also get the <c>[DurableClient]</c> client).
/// </summary>
public static class WatchWorkflowFunctions
{
    /// <summary>Runs <see cref="ConnectorHealthSweep"/>.</summary>
    [Function(nameof(ConnectorHealthSweep))]
    public static Task<ScanResult> ConnectorHealthSweep([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ConnectorHealthSweep().RunAsync(context, WorkflowFunctionDispatch.Input<HealthSweepInput>(context));

    /// <summary>Runs <see cref="ConnectorSync"/>.</summary>
    [Function(nameof(ConnectorSync))]
    public static Task<ConnectorSyncResult> ConnectorSync([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ConnectorSync().RunAsync(context, WorkflowFunctionDispatch.Input<ConnectorSyncInput>(context));

    /// <summary>Runs <see cref="FindDueSyncs"/>.</summary>
    [Function(nameof(FindDueSyncs))]
    public static Task<IReadOnlyList<DueSync>> FindDueSyncs([ActivityTrigger] object? input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<FindDueSyncs>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="SyncPilotExport"/>.</summary>
    [Function(nameof(SyncPilotExport))]
    public static Task<ConnectorSyncRun> SyncPilotExport([ActivityTrigger] SyncDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<SyncPilotExport>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ProbeSyncedConnector"/>.</summary>
    [Function(nameof(ProbeSyncedConnector))]
    public static Task<ConnectorSyncRun> ProbeSyncedConnector([ActivityTrigger] SyncDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ProbeSyncedConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="OrphanScan"/>.</summary>
    [Function(nameof(OrphanScan))]
    public static Task<ScanResult> OrphanScan([OrchestrationTrigger] TaskOrchestrationContext context)
        => new OrphanScan().RunAsync(context, WorkflowFunctionDispatch.Input<OrphanScanInput>(context));

    /// <summary>Runs <see cref="FindOrphans"/>.</summary>
    [Function(nameof(FindOrphans))]
    public static Task<ScanResult> FindOrphans([ActivityTrigger] OrphanScanInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<FindOrphans>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ListReadyDatasets"/>.</summary>
    [Function(nameof(ListReadyDatasets))]
    public static Task<IReadOnlyList<DatasetId>> ListReadyDatasets([ActivityTrigger] object? input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ListReadyDatasets>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="FindStalledDatasets"/>.</summary>
    [Function(nameof(FindStalledDatasets))]
    public static Task<IReadOnlyList<StalledDataset>> FindStalledDatasets([ActivityTrigger] TimeSpan input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => WorkflowFunctionDispatch.Create<FindStalledDatasets>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ResumeTeardown"/>.</summary>
    [Function(nameof(ResumeTeardown))]
    public static Task<bool> ResumeTeardown([ActivityTrigger] DatasetId input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ResumeTeardown>(context, client).RunAsync(new FunctionActivityContext(context), input);
}
