using DataOps.Domain.Datasets;
using DataOps.Functions.Provisioning;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Workflows;

/// <summary>
/// The activity functions: one per activity class, named after it, each creating the class-based
/// <see cref="TaskActivity{TInput, TOutput}"/> from the invocation's services (constructor injection; activities that
/// start or query orchestrations also get the <c>[DurableClient]</c> client) and running it on the trigger's input.
/// </summary>
public static class ActivityFunctions
{
    /// <summary>Runs <see cref="ArchiveDataset"/>.</summary>
    [Function(nameof(ArchiveDataset))]
    public static Task<ArchiveSummary> ArchiveDataset([ActivityTrigger] ArchiveDatasetInput input, FunctionContext context)
        => Create<ArchiveDataset>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="BeginTeardown"/>.</summary>
    [Function(nameof(BeginTeardown))]
    public static Task<TeardownStart> BeginTeardown([ActivityTrigger] TeardownDatasetInput input, FunctionContext context)
        => Create<BeginTeardown>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="BeginValidation"/>.</summary>
    [Function(nameof(BeginValidation))]
    public static Task<bool> BeginValidation([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<BeginValidation>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="CompleteTeardown"/>.</summary>
    [Function(nameof(CompleteTeardown))]
    public static Task<bool> CompleteTeardown([ActivityTrigger] CompleteTeardownInput input, FunctionContext context)
        => Create<CompleteTeardown>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="CreateConnector"/>.</summary>
    [Function(nameof(CreateConnector))]
    public static Task<string> CreateConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<CreateConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="DeleteConnector"/>.</summary>
    [Function(nameof(DeleteConnector))]
    public static Task<bool> DeleteConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<DeleteConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="DisconnectConnector"/>.</summary>
    [Function(nameof(DisconnectConnector))]
    public static Task<bool> DisconnectConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<DisconnectConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="FailProvisioning"/>.</summary>
    [Function(nameof(FailProvisioning))]
    public static Task<bool> FailProvisioning([ActivityTrigger] FailProvisioningInput input, FunctionContext context)
        => Create<FailProvisioning>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="FindOrphans"/>.</summary>
    [Function(nameof(FindOrphans))]
    public static Task<ScanResult> FindOrphans([ActivityTrigger] OrphanScanInput input, FunctionContext context)
        => Create<FindOrphans>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="GetTeardownResult"/>.</summary>
    [Function(nameof(GetTeardownResult))]
    public static Task<TeardownDatasetResult?> GetTeardownResult([ActivityTrigger] TeardownDatasetInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => Create<GetTeardownResult>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ListJourneyDatasets"/>.</summary>
    [Function(nameof(ListJourneyDatasets))]
    public static Task<IReadOnlyList<DatasetId>> ListJourneyDatasets([ActivityTrigger] JourneyDatasetsQuery input, FunctionContext context)
        => Create<ListJourneyDatasets>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ListReadyDatasets"/>.</summary>
    [Function(nameof(ListReadyDatasets))]
    public static Task<IReadOnlyList<DatasetId>> ListReadyDatasets([ActivityTrigger] object? input, FunctionContext context)
        => Create<ListReadyDatasets>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="PauseConnector"/>.</summary>
    [Function(nameof(PauseConnector))]
    public static Task<bool> PauseConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<PauseConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="PopulateConnector"/>.</summary>
    [Function(nameof(PopulateConnector))]
    public static Task<PopulationSummary> PopulateConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<PopulateConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ProbeConnector"/>.</summary>
    [Function(nameof(ProbeConnector))]
    public static Task<ConnectorProbeResult> ProbeConnector([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<ProbeConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="ProvisioningInProgress"/>.</summary>
    [Function(nameof(ProvisioningInProgress))]
    public static Task<bool> ProvisioningInProgress([ActivityTrigger] JourneyDatasetsQuery input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => Create<ProvisioningInProgress>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RecordValidation"/>.</summary>
    [Function(nameof(RecordValidation))]
    public static Task<ValidationResult> RecordValidation([ActivityTrigger] RecordValidationInput input, FunctionContext context)
        => Create<RecordValidation>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RegisterDataset"/>.</summary>
    [Function(nameof(RegisterDataset))]
    public static Task<RegistrationResult> RegisterDataset([ActivityTrigger] RegisterDatasetInput input, FunctionContext context)
        => Create<RegisterDataset>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RevertToValidating"/>.</summary>
    [Function(nameof(RevertToValidating))]
    public static Task<bool> RevertToValidating([ActivityTrigger] RevertToValidatingInput input, FunctionContext context)
        => Create<RevertToValidating>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunCompletenessCheck"/>.</summary>
    [Function(nameof(RunCompletenessCheck))]
    public static Task<QualityCheckOutcome> RunCompletenessCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<RunCompletenessCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunConnectorHealthCheck"/>.</summary>
    [Function(nameof(RunConnectorHealthCheck))]
    public static Task<QualityCheckOutcome> RunConnectorHealthCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<RunConnectorHealthCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunSampleQueryCheck"/>.</summary>
    [Function(nameof(RunSampleQueryCheck))]
    public static Task<QualityCheckOutcome> RunSampleQueryCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<RunSampleQueryCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="RunSchemaCheck"/>.</summary>
    [Function(nameof(RunSchemaCheck))]
    public static Task<QualityCheckOutcome> RunSchemaCheck([ActivityTrigger] DatasetId input, FunctionContext context)
        => Create<RunSchemaCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="SelectTemplate"/>.</summary>
    [Function(nameof(SelectTemplate))]
    public static Task<TemplateChoice> SelectTemplate([ActivityTrigger] ProvisionDatasetInput input, FunctionContext context)
        => Create<SelectTemplate>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="StartTeardown"/>.</summary>
    [Function(nameof(StartTeardown))]
    public static Task<bool> StartTeardown([ActivityTrigger] TeardownDatasetInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => Create<StartTeardown>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="UpdateJourneyProjection"/>.</summary>
    [Function(nameof(UpdateJourneyProjection))]
    public static Task<bool> UpdateJourneyProjection([ActivityTrigger] JourneyTransitionInput input, FunctionContext context)
        => Create<UpdateJourneyProjection>(context).RunAsync(new FunctionActivityContext(context), input);

    private static T Create<T>(FunctionContext context, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<T>(context.InstanceServices, arguments);
    }
}
