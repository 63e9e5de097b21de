using DataOps.Domain.Datasets;
using DataOps.Functions.Validation;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Teardown;

/// <summary>
/// The Durable Functions triggers of this slice: an orchestration function per orchestrator class and an activity
/// function per activity class, each named after its class. The Functions host invokes these; each runs the class-based
/// orchestrator on the context the Durable extension gives, or creates the activity from the invocation's services
/// (constructor injection; activities that start or query orchestrations also get the <c>[DurableClient]</c> client).
/// </summary>
public static class TeardownWorkflowFunctions
{
    /// <summary>Runs <see cref="StageTransition"/>.</summary>
    [Function(nameof(StageTransition))]
    public static Task<IReadOnlyList<TeardownDatasetResult>> StageTransition([OrchestrationTrigger] TaskOrchestrationContext context)
        => new StageTransition().RunAsync(context, WorkflowFunctionDispatch.Input<JourneyTransitionInput>(context));

    /// <summary>Runs <see cref="TeardownDataset"/>.</summary>
    [Function(nameof(TeardownDataset))]
    public static Task<TeardownDatasetResult> TeardownDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new TeardownDataset().RunAsync(context, WorkflowFunctionDispatch.Input<TeardownDatasetInput>(context));

    /// <summary>Runs <see cref="ArchiveDataset"/>.</summary>
    [Function(nameof(ArchiveDataset))]
    public static Task<ArchiveSummary> ArchiveDataset([ActivityTrigger] ArchiveDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ArchiveDataset>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="BeginTeardown"/>.</summary>
    [Function(nameof(BeginTeardown))]
    public static Task<TeardownStart> BeginTeardown([ActivityTrigger] TeardownDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<BeginTeardown>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="CompleteTeardown"/>.</summary>
    [Function(nameof(CompleteTeardown))]
    public static Task<bool> CompleteTeardown([ActivityTrigger] CompleteTeardownInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<CompleteTeardown>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="DeleteConnector"/>.</summary>
    [Function(nameof(DeleteConnector))]
    public static Task<bool> DeleteConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<DeleteConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="DeleteStagedCopy"/>.</summary>
    [Function(nameof(DeleteStagedCopy))]
    public static Task<int> DeleteStagedCopy([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<DeleteStagedCopy>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="DisconnectConnector"/>.</summary>
    [Function(nameof(DisconnectConnector))]
    public static Task<bool> DisconnectConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<DisconnectConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="GetTeardownResult"/>.</summary>
    [Function(nameof(GetTeardownResult))]
    public static Task<TeardownDatasetResult?> GetTeardownResult([ActivityTrigger] TeardownDatasetInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => WorkflowFunctionDispatch.Create<GetTeardownResult>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ListJourneyDatasets"/>.</summary>
    [Function(nameof(ListJourneyDatasets))]
    public static Task<IReadOnlyList<DatasetId>> ListJourneyDatasets([ActivityTrigger] JourneyDatasetsQuery input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ListJourneyDatasets>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="PauseConnector"/>.</summary>
    [Function(nameof(PauseConnector))]
    public static Task<bool> PauseConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<PauseConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="StartTeardown"/>.</summary>
    [Function(nameof(StartTeardown))]
    public static Task<bool> StartTeardown([ActivityTrigger] TeardownDatasetInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => WorkflowFunctionDispatch.Create<StartTeardown>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="UpdateJourneyProjection"/>.</summary>
    [Function(nameof(UpdateJourneyProjection))]
    public static Task<bool> UpdateJourneyProjection([ActivityTrigger] JourneyTransitionInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<UpdateJourneyProjection>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RestoreDataset"/>.</summary>
    [Function(nameof(RestoreDataset))]
    public static Task<ValidationResult> RestoreDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new RestoreDataset().RunAsync(context, WorkflowFunctionDispatch.Input<RestoreDatasetInput>(context));

    /// <summary>Runs <see cref="CancelTeardown"/>.</summary>
    [Function(nameof(CancelTeardown))]
    public static Task<string?> CancelTeardown([ActivityTrigger] RestoreDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<CancelTeardown>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ReconnectConnector"/>.</summary>
    [Function(nameof(ReconnectConnector))]
    public static Task<bool> ReconnectConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ReconnectConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="StartGracePeriod"/>.</summary>
    [Function(nameof(StartGracePeriod))]
    public static Task<DateTimeOffset> StartGracePeriod([ActivityTrigger] GracePeriodInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<StartGracePeriod>(context).RunAsync(new FunctionActivityContext(context), input);
}
