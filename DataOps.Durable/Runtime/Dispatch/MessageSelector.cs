using DataOps.Durable.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>
/// Decides, against the committed history, which received messages become new events. Duplicates (a task result
/// already recorded, a message id already recorded, a start of the current execution) and messages of a finished
/// or older execution are consumed without effect; results of tasks the history has not recorded yet (possible
/// after a crash between send and commit) and events for an instance that has not started are deferred.
/// </summary>
internal static class MessageSelector
{
    public static MessageSelection Select(InstanceHistory history, IEnumerable<ReceivedMessage> messages, ILogger logger)
    {
        var selection = new MessageSelection();
        var execution = history.ExecutionId;
        var finished = history.IsFinished;
        var resultsInBatch = new HashSet<int>();
        var ordered = messages.OrderBy(m => m.Message.Event.Kind == HistoryEventKind.ExecutionStarted ? 0 : 1).ThenBy(m => m.Raw.InsertedOn);
        foreach (var m in ordered)
        {
            var e = m.Message.Event;
            if (e.Kind == HistoryEventKind.ExecutionStarted)
            {
                selection.Consumed.Add(m);
                if (string.Equals(e.ExecutionId, execution, StringComparison.Ordinal))
                {
                    selection.SawDuplicate = true;
                }
                else if (execution is not null && !finished)
                {
                    // A parent re-sending its own start (after a crash before its commit) is answered by the running
                    // child when it finishes; any other starter would wait for ever, so it is told the id is taken.
                    var running = history.Events.FirstOrDefault(h => h.Kind == HistoryEventKind.ExecutionStarted) ?? selection.Start;
                    if (e.ParentInstanceId is not null && !SameParent(e, running))
                    {
                        selection.RejectedStarts.Add(e);
                    }

                    logger.LogWarning("Dropped start of execution {ExecutionId}: execution {Current} is still running", e.ExecutionId, execution);
                }
                else if (!selection.StartsNewExecution)
                {
                    selection.StartsNewExecution = true;
                    selection.Start = e;
                    selection.Events.Add(e with { MessageId = m.Message.Id });
                    execution = e.ExecutionId;
                    finished = false;
                }

                continue;
            }

            if (execution is null)
            {
                selection.Deferred.Add(m);
                continue;
            }

            if (finished)
            {
                selection.Consumed.Add(m);
                continue;
            }

            if (e.IsTaskResult)
            {
                if (!string.Equals(m.Message.ExecutionId, execution, StringComparison.Ordinal))
                {
                    selection.Consumed.Add(m);
                }
                else if (history.ResolvedTaskIds.Contains(e.TaskId) || resultsInBatch.Contains(e.TaskId))
                {
                    selection.Consumed.Add(m);
                    selection.SawDuplicate = true;
                }
                else if (!history.ScheduledTaskIds.Contains(e.TaskId) && !selection.StartsNewExecution)
                {
                    selection.Deferred.Add(m);
                }
                else
                {
                    resultsInBatch.Add(e.TaskId);
                    selection.Consumed.Add(m);
                    selection.Events.Add(e with { MessageId = m.Message.Id });
                }

                continue;
            }

            selection.Consumed.Add(m);
            if (history.MessageIds.Contains(m.Message.Id))
            {
                selection.SawDuplicate = true;
            }
            else
            {
                selection.Events.Add(e with { MessageId = m.Message.Id });
            }
        }

        return selection;
    }

    private static bool SameParent(HistoryEvent start, HistoryEvent? running) =>
        running is not null
        && string.Equals(start.ParentInstanceId, running.ParentInstanceId, StringComparison.Ordinal)
        && string.Equals(start.ParentExecutionId, running.ParentExecutionId, StringComparison.Ordinal)
        && start.ParentTaskId == running.ParentTaskId;
}
