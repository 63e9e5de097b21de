using System.Text.Json;
using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Tables;

/// <summary>Entity-group transactions.</summary>
public partial class TableClient
{
    /// <summary>
    /// Applies up to 100 actions on entities of one partition atomically (<c>$batch</c>): all succeed or none is
    /// applied. A rejected transaction throws <see cref="TableTransactionFailedException"/> naming the failed action.
    /// The value lists each action's response (with its new ETag), in order.
    /// </summary>
    public virtual async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        if (actions.Count is 0 or > TableBatch.MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1-{TableBatch.MaxActions} actions; got {actions.Count}.", nameof(transactionActions));
        }

        var partition = actions[0].Entity.PartitionKey;
        if (actions.Any(a => a.Entity.PartitionKey != partition))
        {
            throw new ArgumentException("All actions of a transaction must target the same partition key.", nameof(transactionActions));
        }

        var duplicate = actions.GroupBy(a => a.Entity.RowKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Row key '{duplicate.Key}' appears more than once; a transaction touches each entity once.", nameof(transactionActions));
        }

        var (contentType, body) = TableBatch.Build(_pipeline.Endpoint, Name, actions);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
        var parts = TableBatch.Parse(response.Content.ToString());
        var failed = parts.FindIndex(p => p.Status >= 400);
        if (failed >= 0)
        {
            throw TransactionFailure(parts[failed], failed, parts.Count, actions);
        }

        if (parts.Count != actions.Count)
        {
            throw new RequestFailedException(response.Status, $"The transaction response holds {parts.Count} results for {actions.Count} actions.", null, null);
        }

        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }

    private static TableTransactionFailedException TransactionFailure(Response part, int position, int partCount, List<TableTransactionAction> actions)
    {
        var error = StorageErrorParser.Instance.TryParse(part, out var parsed, out _) ? parsed : null;
        var index = TableBatch.FailedIndex(error?.Message);
        if (index is null && partCount == actions.Count)
        {
            index = position;
        }

        if (index is null && part.Headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, out var id))
        {
            index = id;
        }

        var where = index is { } i && i < actions.Count
            ? $" at action {i} ({actions[i].ActionType} of row '{actions[i].Entity.RowKey}')"
            : string.Empty;
        var detail = error?.Message is { } m ? JsonEncodedText.Encode(m).ToString() : part.ReasonPhrase;
        return new TableTransactionFailedException(
            part.Status,
            $"The table transaction failed{where}: {part.Status} {error?.Code}: {detail}. No action was applied.",
            error?.Code,
            index);
    }
}
