using DataOps.Functions.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DataOps.Functions.Durable;

/// <summary>
/// The orchestration functions: one per orchestrator class, named after it, each running the class-based
/// <see cref="TaskOrchestrator{TInput, TOutput}"/> on the orchestration context the Durable extension gives.
/// </summary>
public static class OrchestrationFunctions
{
    /// <summary>Runs <see cref="Orchestrations.ConnectorHealthSweep"/>.</summary>
    [Function(nameof(ConnectorHealthSweep))]
    public static Task<ScanResult> ConnectorHealthSweep([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.ConnectorHealthSweep().RunAsync(context, Input<HealthSweepInput>(context));

    /// <summary>Runs <see cref="Orchestrations.StageTransition"/>.</summary>
    [Function(nameof(StageTransition))]
    public static Task<IReadOnlyList<TeardownDatasetResult>> StageTransition([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.StageTransition().RunAsync(context, Input<JourneyTransitionInput>(context));

    /// <summary>Runs <see cref="Orchestrations.OrphanScan"/>.</summary>
    [Function(nameof(OrphanScan))]
    public static Task<ScanResult> OrphanScan([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.OrphanScan().RunAsync(context, Input<OrphanScanInput>(context));

    /// <summary>Runs <see cref="Orchestrations.ProvisionDataset"/>.</summary>
    [Function(nameof(ProvisionDataset))]
    public static Task<ProvisionDatasetResult> ProvisionDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.ProvisionDataset().RunAsync(context, Input<ProvisionDatasetInput>(context));

    /// <summary>Runs <see cref="Orchestrations.ProvisionJourneyDatasets"/>.</summary>
    [Function(nameof(ProvisionJourneyDatasets))]
    public static Task<ProvisionJourneyResult> ProvisionJourneyDatasets([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.ProvisionJourneyDatasets().RunAsync(context, Input<ProvisionJourneyInput>(context));

    /// <summary>Runs <see cref="Orchestrations.RevalidateDataset"/>.</summary>
    [Function(nameof(RevalidateDataset))]
    public static Task<ValidationResult> RevalidateDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.RevalidateDataset().RunAsync(context, Input<RevertToValidatingInput>(context));

    /// <summary>Runs <see cref="Orchestrations.TeardownDataset"/>.</summary>
    [Function(nameof(TeardownDataset))]
    public static Task<TeardownDatasetResult> TeardownDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.TeardownDataset().RunAsync(context, Input<TeardownDatasetInput>(context));

    /// <summary>Runs <see cref="Orchestrations.ValidateDataset"/>.</summary>
    [Function(nameof(ValidateDataset))]
    public static Task<ValidationResult> ValidateDataset([OrchestrationTrigger] TaskOrchestrationContext context)
        => new Orchestrations.ValidateDataset().RunAsync(context, Input<ValidateDatasetInput>(context));

    /// <summary>The orchestration's input; a missing input is an error the orchestration reports.</summary>
    private static T Input<T>(TaskOrchestrationContext context)
        => context.GetInput<T>() ?? throw new InvalidOperationException($"Orchestration {context.Name} was started without an input.");
}
