using System.Runtime.CompilerServices;
using Azure;

namespace DataOps.Storage.Internal;

/// <summary>An <see cref="AsyncPageable{T}"/> that fetches each page with a delegate taking the continuation token.</summary>
internal sealed class FuncAsyncPageable<T>(Func<string?, int?, CancellationToken, Task<Page<T>>> fetch, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    private readonly Func<string?, int?, CancellationToken, Task<Page<T>>> _fetch = fetch;

    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        Pages(continuationToken, pageSizeHint, CancellationToken);

    private async IAsyncEnumerable<Page<T>> Pages(string? token, int? pageSizeHint, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        do
        {
            var page = await _fetch(token, pageSizeHint, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
