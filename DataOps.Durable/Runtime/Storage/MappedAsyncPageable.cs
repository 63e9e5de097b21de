using Azure;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>Pages of one pageable mapped item by item, keeping the continuation tokens.</summary>
internal sealed class MappedAsyncPageable<TIn, TOut>(
    AsyncPageable<TIn> source, string? initialContinuation, int pageSize, Func<TIn, Task<TOut>> map) : AsyncPageable<TOut>
    where TIn : notnull
    where TOut : notnull
{
    public override async IAsyncEnumerable<Page<TOut>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        await foreach (var page in source.AsPages(continuationToken ?? initialContinuation, pageSizeHint ?? pageSize))
        {
            var items = new List<TOut>(page.Values.Count);
            foreach (var value in page.Values)
            {
                items.Add(await map(value));
            }

            yield return Page<TOut>.FromValues(items, page.ContinuationToken, page.GetRawResponse());
        }
    }
}
