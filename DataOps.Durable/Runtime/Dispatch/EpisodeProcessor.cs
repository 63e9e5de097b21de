using DataOps.Durable.Client;
using DataOps.Durable.Runtime.Replay;
using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>
/// Runs one orchestration episode and commits it in the crash-safe order: (1) send outbound messages, (2) append
/// history guarded by the sentinel ETag, (3) update the instance row, (4) delete the consumed messages. A crash
/// before (2) replays the episode and re-sends the same messages (receivers drop duplicates by task id or
/// execution id); a crash after (2) redelivers messages that are now duplicates, and the instance row is repaired
/// from the sentinel.
/// </summary>
internal sealed class EpisodeProcessor(
    HistoryStore historyStore,
    InstanceStore instances,
    MessageSender sender,
    QueueMaintenance maintenance,
    LargePayloadStore payloads,
    OrchestrationExecutor executor,
    TimeProvider time,
    DurableMetrics metrics,
    WorkerLifetime lifetime,
    ILogger<EpisodeProcessor> logger,
    IDurableFaultInjector? faults = null)
{
    /// <summary>Processes the messages of one instance; returns the history to cache, or null to forget it.</summary>
    public async Task<InstanceHistory?> ProcessAsync(string instanceId, IReadOnlyList<ReceivedMessage> messages, InstanceHistory? cached)
    {
        var cancellationToken = lifetime.CrashToken;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InstanceId"] = instanceId });
        using var trace = DurableMetrics.ActivitySource.StartActivity("orchestration.episode");
        trace?.SetTag("durable.instance_id", instanceId);
        try
        {
            var history = cached ?? await historyStore.LoadAsync(instanceId, cancellationToken);
            var selection = MessageSelector.Select(history, messages, logger);
            await RejectStartsAsync(instanceId, selection.RejectedStarts, cancellationToken);
            await maintenance.DeferAsync(selection.Deferred, TimeSpan.FromSeconds(1), cancellationToken);
            if (selection.Events.Count == 0)
            {
                if (selection.SawDuplicate && history.Exists)
                {
                    await instances.ProjectAsync(instanceId, history.Summary, time.GetUtcNow(), isNewChild: false, cancellationToken);
                }

                await QueueMaintenance.DeleteAsync(selection.Consumed, cancellationToken);
                return history;
            }

            await RunAndCommitAsync(history, selection, cancellationToken);

            // Off the critical path: the episode is committed, so a delete lost to a crash only yields duplicates.
            _ = QueueMaintenance.DeleteAsync(selection.Consumed, cancellationToken).ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            if (history.StaleRowKeys.Count > 0)
            {
                await historyStore.DeleteStaleRowsAsync(history, cancellationToken);
            }

            return history.IsFinished ? null : history;
        }
        catch (Exception) when (lifetime.IsCrashed)
        {
            // A simulated process death: leave every message and row exactly as a dead process would.
            return null;
        }
        catch (CheckpointConflictException ex)
        {
            logger.LogWarning(ex, "Checkpoint conflict; another worker owns the instance now");
            metrics.Episode("conflict");
            await maintenance.AbandonAsync(messages, TimeSpan.Zero, CancellationToken.None);
            return null;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Episode failed; its messages are abandoned and retried");
            metrics.Episode("error");
            await maintenance.AbandonAsync(messages, TimeSpan.FromSeconds(1), CancellationToken.None);
            return null;
        }
    }

    /// <summary>
    /// Answers each parent whose sub-orchestration start was dropped (the instance id is taken by a running execution
    /// another starter began) with a failure, before its start message is deleted. The message id is derived from the
    /// dropped execution, so a repeat is recognised by the parent as a duplicate.
    /// </summary>
    private Task RejectStartsAsync(string instanceId, List<HistoryEvent> starts, CancellationToken cancellationToken) =>
        Task.WhenAll(starts.Select(start => sender.SendAsync(
            new OutboundMessage(MessageTarget.Control, new TaskMessage(
                $"{start.ExecutionId}:rejected",
                start.ParentInstanceId!,
                start.ParentExecutionId,
                new HistoryEvent(HistoryEventKind.SubOrchestrationFailed)
                {
                    TaskId = start.ParentTaskId ?? -1,
                    Failure = new TaskFailureDetails(
                        typeof(OrchestrationAlreadyExistsException).FullName!,
                        $"Sub-orchestration '{instanceId}' is already running (started by another orchestration); this start was not accepted."),
                })),
            cancellationToken)));

    private async Task RunAndCommitAsync(InstanceHistory history, MessageSelection selection, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var previousStatus = history.Summary.Status;
        var isNewChild = selection.StartsNewExecution && !history.Exists && selection.Start?.ParentInstanceId is not null;
        if (selection.StartsNewExecution)
        {
            history.Reset();
        }

        var customStatus = await payloads.ResolveAsync(history.Summary.CustomStatus, cancellationToken);
        var started = new HistoryEvent(HistoryEventKind.OrchestratorStarted) { Timestamp = now.UtcDateTime };
        var newEvents = selection.Events.Select(e => e with { Timestamp = now.UtcDateTime }).Prepend(started).ToList();
        var result = executor.Execute(history.InstanceId, history.Events, newEvents, customStatus);
        var summary = await SummarizeAsync(history, selection, result, now, cancellationToken);

        await Task.WhenAll(result.Messages.Select(m => sender.SendAsync(m, cancellationToken)));
        await FaultAsync(FaultPoint.AfterSendBeforeHistory, history.InstanceId, cancellationToken);

        await historyStore.CommitAsync(history, result.NewEvents, summary, cancellationToken);
        await FaultAsync(FaultPoint.AfterHistoryBeforeInstance, history.InstanceId, cancellationToken);

        if (summary.Status != previousStatus || result.CustomStatusChanged || selection.StartsNewExecution || summary.CompletedAt is not null)
        {
            await instances.ProjectAsync(history.InstanceId, summary, now, isNewChild, cancellationToken);
        }

        metrics.Episode(summary.Status.ToString()!);
        if ((summary.CompletedAt is not null || summary.Status == OrchestrationRuntimeStatus.ContinuedAsNew) && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Orchestration {Name} finished as {Status}", summary.Name, summary.Status);
        }
    }

    private async Task<InstanceSummary> SummarizeAsync(
        InstanceHistory history, MessageSelection selection, EpisodeResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = history.Summary;
        var terminal = result.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
        var start = selection.Start ?? history.Events.FirstOrDefault(e => e.Kind == HistoryEventKind.ExecutionStarted);
        return new InstanceSummary
        {
            ExecutionId = start?.ExecutionId ?? previous.ExecutionId,
            Name = result.Name,
            Status = result.Status,
            Input = selection.StartsNewExecution ? await payloads.OffloadAsync(result.Input, history.InstanceId, cancellationToken) : previous.Input,
            Output = result.Output is not null ? await payloads.OffloadAsync(result.Output, history.InstanceId, cancellationToken)
                : selection.StartsNewExecution ? null : previous.Output,
            Failure = result.Failure is null ? null : DurableJson.Serialize(result.Failure),
            CustomStatus = result.CustomStatusChanged
                ? await payloads.OffloadAsync(result.CustomStatus, history.InstanceId, cancellationToken)
                : previous.CustomStatus,
            ParentInstanceId = start?.ParentInstanceId,
            CompletedAt = terminal ? now : null,
        };
    }

    private ValueTask FaultAsync(FaultPoint point, string instanceId, CancellationToken cancellationToken) =>
        faults?.OnAsync(point, instanceId, null, cancellationToken) ?? ValueTask.CompletedTask;
}
