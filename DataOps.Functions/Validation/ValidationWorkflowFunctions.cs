using DataOps.Domain.Datasets;
using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DataOps.Functions.Validation;

/// <summary>
/// The Durable Functions triggers of this slice: an orchestration function per orchestrator class and an activity
/// function per activity class, each named after its class. The Functions host invokes these; each runs the class-based
/// orchestrator on the context the Durable extension gives, or creates the activity from the invocation's services
/// (constructor injection; activities that start or query orchestrations also get the <c>[DurableClient]</c> client).
/// </summary>
public static class ValidationWorkflowFunctions
{
    /// <summary>Runs <see cref="RevalidateDataset"/>.</summary>
    [Function(nameof(RevalidateDataset))]
    public static Task<ValidationResult> RevalidateDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new RevalidateDataset().RunAsync(context, WorkflowFunctionDispatch.Input<RevertToValidatingInput>(context));

    /// <summary>Runs <see cref="ValidateDataset"/>.</summary>
    [Function(nameof(ValidateDataset))]
    public static Task<ValidationResult> ValidateDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ValidateDataset().RunAsync(context, WorkflowFunctionDispatch.Input<ValidateDatasetInput>(context));

    /// <summary>Runs <see cref="BeginValidation"/>.</summary>
    [Function(nameof(BeginValidation))]
    public static Task<bool> BeginValidation([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<BeginValidation>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ProbeConnectors"/>.</summary>
    [Function(nameof(ProbeConnectors))]
    public static Task<ProbeBatchResult> ProbeConnectors([ActivityTrigger] IReadOnlyList<DatasetId> input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ProbeConnectors>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ProbeConnector"/>.</summary>
    [Function(nameof(ProbeConnector))]
    public static Task<ConnectorProbeResult> ProbeConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<ProbeConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RecordValidation"/>.</summary>
    [Function(nameof(RecordValidation))]
    public static Task<ValidationResult> RecordValidation([ActivityTrigger] RecordValidationInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<RecordValidation>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RevertToValidating"/>.</summary>
    [Function(nameof(RevertToValidating))]
    public static Task<bool> RevertToValidating([ActivityTrigger] RevertToValidatingInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<RevertToValidating>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunCompletenessCheck"/>.</summary>
    [Function(nameof(RunCompletenessCheck))]
    public static Task<QualityCheckOutcome> RunCompletenessCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<RunCompletenessCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunConnectorHealthCheck"/>.</summary>
    [Function(nameof(RunConnectorHealthCheck))]
    public static Task<QualityCheckOutcome> RunConnectorHealthCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<RunConnectorHealthCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunSampleQueryCheck"/>.</summary>
    [Function(nameof(RunSampleQueryCheck))]
    public static Task<QualityCheckOutcome> RunSampleQueryCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<RunSampleQueryCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunSchemaCheck"/>.</summary>
    [Function(nameof(RunSchemaCheck))]
    public static Task<QualityCheckOutcome> RunSchemaCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<RunSchemaCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="NoteChecksUnavailable"/>.</summary>
    [Function(nameof(NoteChecksUnavailable))]
    public static Task<bool> NoteChecksUnavailable([ActivityTrigger] NoteChecksUnavailableInput input, FunctionContext context)
        => WorkflowFunctionDispatch.Create<NoteChecksUnavailable>(context).RunAsync(new FunctionActivityContext(context), input);
}
