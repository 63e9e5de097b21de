using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Functions.Activities;
using DataOps.Functions.Workflows;

namespace DataOps.Functions.Orchestrations;

/// <summary>
/// Tears a dataset down safely: the safety rule, TEARDOWN, pause, archive (metadata, sample, quality history),
/// disconnect, then a durable timer for the grace period (24 h by default) before the connector is emptied and
/// retired, the cleanup verified and the dataset ARCHIVED. The timer survives restarts: it is a message in storage.
/// </summary>
public sealed class TeardownDataset : TaskOrchestrator<TeardownDatasetInput, TeardownDatasetResult>
{
    /// <summary>The instance id of a dataset's teardown; one per dataset, so concurrent triggers do not double up.</summary>
    public static string InstanceIdFor(string datasetId) => "teardown:" + datasetId;

    /// <summary>
    /// Runs a dataset's teardown as a sub-orchestration of <paramref name="context"/> under its one instance id. When
    /// another orchestration (a repeated stage change, the journey completing, the orphan scan) already runs that
    /// teardown, the start is refused and this answers <see cref="WorkflowOutcomes.AlreadyTearingDown"/>: the running
    /// teardown finishes the job.
    /// </summary>
    public static async Task<TeardownDatasetResult> CallAsync(TaskOrchestrationContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return await context.CallSubOrchestratorAsync<TeardownDatasetResult>(nameof(TeardownDataset), input, new SubOrchestrationOptions(InstanceIdFor(input.DatasetId)));
        }
        catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<OrchestrationAlreadyExistsException>())
        {
            return new TeardownDatasetResult(input.DatasetId, WorkflowOutcomes.AlreadyTearingDown, null, null);
        }
    }

    /// <inheritdoc />
    public override async Task<TeardownDatasetResult> RunAsync(TaskOrchestrationContext context, TeardownDatasetInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var start = await context.CallActivityAsync<TeardownStart>(nameof(BeginTeardown), input, WorkflowRetry.Transient);
        if (!start.Allowed)
        {
            return new TeardownDatasetResult(input.DatasetId, WorkflowOutcomes.Refused, null, start.Refusal);
        }

        context.SetCustomStatus(new { phase = "archiving" });
        await context.CallActivityAsync(nameof(PauseConnector), input.DatasetId, WorkflowRetry.Transient);
        var archive = await context.CallActivityAsync<ArchiveSummary>(
            nameof(ArchiveDataset),
            new ArchiveDatasetInput(input.DatasetId, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)),
            WorkflowRetry.Transient);
        await context.CallActivityAsync(nameof(DisconnectConnector), input.DatasetId, WorkflowRetry.Transient);

        var deleteAt = context.CurrentUtcDateTime + input.GracePeriod;
        context.SetCustomStatus(new { phase = "grace_period", deleteAt });
        await context.CreateTimer(deleteAt, CancellationToken.None);

        context.SetCustomStatus(new { phase = "deleting" });
        await context.CallActivityAsync(nameof(DeleteConnector), input.DatasetId, WorkflowRetry.Transient);
        await context.CallActivityAsync(nameof(CompleteTeardown), new CompleteTeardownInput(input.DatasetId, archive.Location), WorkflowRetry.Transient);
        context.SetCustomStatus(new { phase = "archived" });
        return new TeardownDatasetResult(input.DatasetId, WorkflowOutcomes.Archived, archive.Location, null);
    }
}
