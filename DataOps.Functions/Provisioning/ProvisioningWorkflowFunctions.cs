using DataOps.Domain.Datasets;
using DataOps.Functions.Teardown;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// The Durable Functions triggers of this slice: an orchestration function per orchestrator class and an activity
/// function per activity class, each named after its class. The Functions host invokes these; each runs the class-based
/// orchestrator on the context the Durable extension gives, or creates the activity from the invocation's services
/// (constructor injection; activities that start or query orchestrations also get the <c>[DurableClient]</c> client).
/// </summary>
public static class ProvisioningWorkflowFunctions
{
    /// <summary>Runs <see cref="ProvisionDataset"/>.</summary>
    [Function(nameof(ProvisionDataset))]
    public static Task<ProvisionDatasetResult> ProvisionDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ProvisionDataset().RunAsync(context, WorkflowFunctionDispatch.Input<ProvisionDatasetInput>(context));

    /// <summary>Runs <see cref="ProvisionJourneyDatasets"/>.</summary>
    [Function(nameof(ProvisionJourneyDatasets))]
    public static Task<ProvisionJourneyResult> ProvisionJourneyDatasets([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ProvisionJourneyDatasets().RunAsync(context, WorkflowFunctionDispatch.Input<ProvisionJourneyInput>(context));

    /// <summary>Runs <see cref="AnnounceProvisionRequest"/>.</summary>
    [Function(nameof(AnnounceProvisionRequest))]
    public static Task<string> AnnounceProvisionRequest([ActivityTrigger] ProvisionJourneyInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<AnnounceProvisionRequest>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="CreateConnector"/>.</summary>
    [Function(nameof(CreateConnector))]
    public static Task<string> CreateConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<CreateConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="FailProvisioning"/>.</summary>
    [Function(nameof(FailProvisioning))]
    public static Task<bool> FailProvisioning([ActivityTrigger] FailProvisioningInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<FailProvisioning>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="PopulateConnector"/>.</summary>
    [Function(nameof(PopulateConnector))]
    public static Task<PopulationSummary> PopulateConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<PopulateConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ProvisioningInProgress"/>.</summary>
    [Function(nameof(ProvisioningInProgress))]
    public static Task<bool> ProvisioningInProgress([ActivityTrigger] JourneyDatasetsQuery input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ProvisioningInProgress>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RegisterDataset"/>.</summary>
    [Function(nameof(RegisterDataset))]
    public static Task<RegistrationResult> RegisterDataset([ActivityTrigger] RegisterDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<RegisterDataset>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="SelectTemplate"/>.</summary>
    [Function(nameof(SelectTemplate))]
    public static Task<TemplateChoice> SelectTemplate([ActivityTrigger] ProvisionDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<SelectTemplate>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RetryDataset"/>.</summary>
    [Function(nameof(RetryDataset))]
    public static Task<ProvisionDatasetResult> RetryDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new RetryDataset().RunAsync(context, WorkflowFunctionDispatch.Input<RetryDatasetInput>(context));

    /// <summary>Runs <see cref="BeginRetry"/>.</summary>
    [Function(nameof(BeginRetry))]
    public static Task<RetryStart> BeginRetry([ActivityTrigger] RetryDatasetInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<BeginRetry>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="TakeProvisioningSeat"/>.</summary>
    [Function(nameof(TakeProvisioningSeat))]
    public static Task<bool> TakeProvisioningSeat([ActivityTrigger] ProvisioningSeatRequest input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<TakeProvisioningSeat>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ReleaseProvisioningSeat"/>.</summary>
    [Function(nameof(ReleaseProvisioningSeat))]
    public static Task<bool> ReleaseProvisioningSeat([ActivityTrigger] ProvisioningSeatRequest input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ReleaseProvisioningSeat>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="CleanUpFailedConnector"/>.</summary>
    [Function(nameof(CleanUpFailedConnector))]
    public static Task<bool> CleanUpFailedConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<CleanUpFailedConnector>(context).RunAsync(new FunctionActivityContext(context), input);
}
