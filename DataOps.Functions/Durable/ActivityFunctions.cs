using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DataOps.Functions.Durable;

/// <summary>
/// The activity functions: one per activity class, named after it, each creating the class-based
/// <see cref="TaskActivity{TInput, TOutput}"/> from the invocation's services (constructor injection; activities that
/// start or query orchestrations also get the <c>[DurableClient]</c> client) and running it on the trigger's input.
/// </summary>
public static class ActivityFunctions
{
    /// <summary>Runs <see cref="Activities.ArchiveDataset"/>.</summary>
    [Function(nameof(ArchiveDataset))]
    public static Task<ArchiveSummary> ArchiveDataset([ActivityTrigger] ArchiveDatasetInput input, FunctionContext context)
        => Create<Activities.ArchiveDataset>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.BeginTeardown"/>.</summary>
    [Function(nameof(BeginTeardown))]
    public static Task<TeardownStart> BeginTeardown([ActivityTrigger] TeardownDatasetInput input, FunctionContext context)
        => Create<Activities.BeginTeardown>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.BeginValidation"/>.</summary>
    [Function(nameof(BeginValidation))]
    public static Task<bool> BeginValidation([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.BeginValidation>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.CompleteTeardown"/>.</summary>
    [Function(nameof(CompleteTeardown))]
    public static Task<bool> CompleteTeardown([ActivityTrigger] CompleteTeardownInput input, FunctionContext context)
        => Create<Activities.CompleteTeardown>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.CreateConnector"/>.</summary>
    [Function(nameof(CreateConnector))]
    public static Task<string> CreateConnector([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.CreateConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.DeleteConnector"/>.</summary>
    [Function(nameof(DeleteConnector))]
    public static Task<bool> DeleteConnector([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.DeleteConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.DisconnectConnector"/>.</summary>
    [Function(nameof(DisconnectConnector))]
    public static Task<bool> DisconnectConnector([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.DisconnectConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.FailProvisioning"/>.</summary>
    [Function(nameof(FailProvisioning))]
    public static Task<bool> FailProvisioning([ActivityTrigger] FailProvisioningInput input, FunctionContext context)
        => Create<Activities.FailProvisioning>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.FindOrphans"/>.</summary>
    [Function(nameof(FindOrphans))]
    public static Task<ScanResult> FindOrphans([ActivityTrigger] OrphanScanInput input, FunctionContext context)
        => Create<Activities.FindOrphans>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.GetTeardownResult"/>.</summary>
    [Function(nameof(GetTeardownResult))]
    public static Task<TeardownDatasetResult?> GetTeardownResult([ActivityTrigger] TeardownDatasetInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => Create<Activities.GetTeardownResult>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.ListJourneyDatasets"/>.</summary>
    [Function(nameof(ListJourneyDatasets))]
    public static Task<IReadOnlyList<string>> ListJourneyDatasets([ActivityTrigger] JourneyDatasetsQuery input, FunctionContext context)
        => Create<Activities.ListJourneyDatasets>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.ListReadyDatasets"/>.</summary>
    [Function(nameof(ListReadyDatasets))]
    public static Task<IReadOnlyList<string>> ListReadyDatasets([ActivityTrigger] object? input, FunctionContext context)
        => Create<Activities.ListReadyDatasets>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.PauseConnector"/>.</summary>
    [Function(nameof(PauseConnector))]
    public static Task<bool> PauseConnector([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.PauseConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.PopulateConnector"/>.</summary>
    [Function(nameof(PopulateConnector))]
    public static Task<PopulationSummary> PopulateConnector([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.PopulateConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.ProbeConnector"/>.</summary>
    [Function(nameof(ProbeConnector))]
    public static Task<ConnectorProbeResult> ProbeConnector([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.ProbeConnector>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.ProvisioningInProgress"/>.</summary>
    [Function(nameof(ProvisioningInProgress))]
    public static Task<bool> ProvisioningInProgress([ActivityTrigger] JourneyDatasetsQuery input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => Create<Activities.ProvisioningInProgress>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.RecordValidation"/>.</summary>
    [Function(nameof(RecordValidation))]
    public static Task<ValidationResult> RecordValidation([ActivityTrigger] RecordValidationInput input, FunctionContext context)
        => Create<Activities.RecordValidation>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.RegisterDataset"/>.</summary>
    [Function(nameof(RegisterDataset))]
    public static Task<RegistrationResult> RegisterDataset([ActivityTrigger] RegisterDatasetInput input, FunctionContext context)
        => Create<Activities.RegisterDataset>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.RevertToValidating"/>.</summary>
    [Function(nameof(RevertToValidating))]
    public static Task<bool> RevertToValidating([ActivityTrigger] RevertToValidatingInput input, FunctionContext context)
        => Create<Activities.RevertToValidating>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.RunCompletenessCheck"/>.</summary>
    [Function(nameof(RunCompletenessCheck))]
    public static Task<QualityCheckOutcome> RunCompletenessCheck([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.RunCompletenessCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.RunConnectorHealthCheck"/>.</summary>
    [Function(nameof(RunConnectorHealthCheck))]
    public static Task<QualityCheckOutcome> RunConnectorHealthCheck([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.RunConnectorHealthCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.RunSampleQueryCheck"/>.</summary>
    [Function(nameof(RunSampleQueryCheck))]
    public static Task<QualityCheckOutcome> RunSampleQueryCheck([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.RunSampleQueryCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.RunSchemaCheck"/>.</summary>
    [Function(nameof(RunSchemaCheck))]
    public static Task<QualityCheckOutcome> RunSchemaCheck([ActivityTrigger] string input, FunctionContext context)
        => Create<Activities.RunSchemaCheck>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.SelectTemplate"/>.</summary>
    [Function(nameof(SelectTemplate))]
    public static Task<TemplateChoice> SelectTemplate([ActivityTrigger] ProvisionDatasetInput input, FunctionContext context)
        => Create<Activities.SelectTemplate>(context).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.StartTeardown"/>.</summary>
    [Function(nameof(StartTeardown))]
    public static Task<bool> StartTeardown([ActivityTrigger] TeardownDatasetInput input, [DurableClient] DurableTaskClient client, FunctionContext context)
        => Create<Activities.StartTeardown>(context, client).RunAsync(new FunctionActivityContext(context), input);

    /// <summary>Runs <see cref="Activities.UpdateJourneyProjection"/>.</summary>
    [Function(nameof(UpdateJourneyProjection))]
    public static Task<bool> UpdateJourneyProjection([ActivityTrigger] JourneyTransitionInput input, FunctionContext context)
        => Create<Activities.UpdateJourneyProjection>(context).RunAsync(new FunctionActivityContext(context), input);

    private static T Create<T>(FunctionContext context, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ActivatorUtilities.CreateInstance<T>(context.InstanceServices, arguments);
    }
}
