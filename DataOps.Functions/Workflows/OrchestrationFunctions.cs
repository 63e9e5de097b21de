using DataOps.Functions.Provisioning;
using DataOps.Functions.Teardown;
using DataOps.Functions.Validation;
using DataOps.Functions.Watch;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DataOps.Functions.Workflows;

/// <summary>
/// The orchestration functions: one per orchestrator class, named after it, each running the class-based
/// <see cref="TaskOrchestrator{TInput, TOutput}"/> on the orchestration context the Durable extension gives.
/// </summary>
public static class OrchestrationFunctions
{
    /// <summary>Runs <see cref="ConnectorHealthSweep"/>.</summary>
    [Function(nameof(ConnectorHealthSweep))]
    public static Task<ScanResult> ConnectorHealthSweep([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ConnectorHealthSweep().RunAsync(context, Input<HealthSweepInput>(context));

    /// <summary>Runs <see cref="StageTransition"/>.</summary>
    [Function(nameof(StageTransition))]
    public static Task<IReadOnlyList<TeardownDatasetResult>> StageTransition([OrchestrationTrigger] TaskOrchestrationContext context)
        => new StageTransition().RunAsync(context, Input<JourneyTransitionInput>(context));

    /// <summary>Runs <see cref="OrphanScan"/>.</summary>
    [Function(nameof(OrphanScan))]
    public static Task<ScanResult> OrphanScan([OrchestrationTrigger] TaskOrchestrationContext context)
        => new OrphanScan().RunAsync(context, Input<OrphanScanInput>(context));

    /// <summary>Runs <see cref="ProvisionDataset"/>.</summary>
    [Function(nameof(ProvisionDataset))]
    public static Task<ProvisionDatasetResult> ProvisionDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ProvisionDataset().RunAsync(context, Input<ProvisionDatasetInput>(context));

    /// <summary>Runs <see cref="ProvisionJourneyDatasets"/>.</summary>
    [Function(nameof(ProvisionJourneyDatasets))]
    public static Task<ProvisionJourneyResult> ProvisionJourneyDatasets([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ProvisionJourneyDatasets().RunAsync(context, Input<ProvisionJourneyInput>(context));

    /// <summary>Runs <see cref="RevalidateDataset"/>.</summary>
    [Function(nameof(RevalidateDataset))]
    public static Task<ValidationResult> RevalidateDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new RevalidateDataset().RunAsync(context, Input<RevertToValidatingInput>(context));

    /// <summary>Runs <see cref="TeardownDataset"/>.</summary>
    [Function(nameof(TeardownDataset))]
    public static Task<TeardownDatasetResult> TeardownDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new TeardownDataset().RunAsync(context, Input<TeardownDatasetInput>(context));

    /// <summary>Runs <see cref="ValidateDataset"/>.</summary>
    [Function(nameof(ValidateDataset))]
    public static Task<ValidationResult> ValidateDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ValidateDataset().RunAsync(context, Input<ValidateDatasetInput>(context));

    /// <summary>The orchestration's input; a missing input is an error the orchestration reports.</summary>
    private static T Input<T>(TaskOrchestrationContext context)
        => context.GetInput<T>() ?? throw new InvalidOperationException($"Orchestration {context.Name} was started without an input.");
}
