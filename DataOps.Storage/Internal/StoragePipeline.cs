using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.Storage.Internal;

/// <summary>
/// One service's pipeline (Azure.Core retry, Shared Key signing per attempt, caller-added policies) plus the
/// helpers every client uses to build a request and turn an unexpected status into a
/// <see cref="RequestFailedException"/> carrying the storage error code.
/// </summary>
internal sealed class StoragePipeline
{
    public StoragePipeline(StorageConnectionString account, StorageClientOptions? options, StorageServiceKind kind)
    {
        options ??= new StorageClientOptions();
        Kind = kind;
        AccountName = account.AccountName;
        ServiceVersion = options.ServiceVersion;
        Endpoint = kind switch
        {
            StorageServiceKind.Blob => account.BlobEndpoint,
            StorageServiceKind.Queue => account.QueueEndpoint,
            _ => account.TableEndpoint,
        };
        Pipeline = HttpPipelineBuilder.Build(
            options,
            [],
            [new SharedKeySigningPolicy(account.AccountName, account.AccountKey, kind)],
            new ResponseClassifier());
    }

    public StorageServiceKind Kind { get; }

    public string AccountName { get; }

    public string ServiceVersion { get; }

    public Uri Endpoint { get; }

    public HttpPipeline Pipeline { get; }

    /// <summary>Creates a message for <c>{endpoint}/{segments}</c>; each segment is escaped, '/' inside blob names kept.</summary>
    public HttpMessage CreateMessage(RequestMethod method, params string[] segments) =>
        CreateMessageForPath(method, string.Join('/', segments.Select(EscapePath)));

    /// <summary>Creates a message for <c>{endpoint}/{escapedPath}</c>; the path is used as given.</summary>
    public HttpMessage CreateMessageForPath(RequestMethod method, string escapedPath)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(Endpoint);
        if (escapedPath.Length > 0)
        {
            request.Uri.AppendPath("/", escape: false);
            request.Uri.AppendPath(escapedPath, escape: false);
        }

        request.Headers.SetValue("x-ms-version", ServiceVersion);
        request.Headers.SetValue("x-ms-client-request-id", Guid.NewGuid().ToString());
        if (Kind == StorageServiceKind.Table)
        {
            request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
            request.Headers.SetValue("DataServiceVersion", "3.0");
            request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        }

        return message;
    }

    /// <summary>Creates a message for the service root (<c>{endpoint}/</c>), as account-level listings need.</summary>
    public HttpMessage CreateServiceMessage(RequestMethod method)
    {
        var message = CreateMessageForPath(method, string.Empty);
        if (!Endpoint.AbsolutePath.EndsWith('/'))
        {
            message.Request.Uri.AppendPath("/", escape: false);
        }

        return message;
    }

    /// <summary>Lists one page of an account-level XML enumeration (<c>?comp=list</c>): item names and the next marker.</summary>
    public async Task<(IReadOnlyList<string> Names, string? NextMarker, Response Response)> ListPageAsync(
        string itemElement, string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = CreateServiceMessage(RequestMethod.Get);
        var uri = message.Request.Uri;
        uri.AppendQuery("comp", "list");
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri.AppendQuery("marker", marker);
        }

        if (pageSize is > 0)
        {
            uri.AppendQuery("maxresults", Math.Min(pageSize.Value, 5000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var root = System.Xml.Linq.XDocument.Parse(response.Content.ToString()).Root!;
        var names = root.Descendants(itemElement).Select(e => e.Element("Name")!.Value).ToList();
        var next = root.Element("NextMarker")?.Value;
        return (names, string.IsNullOrEmpty(next) ? null : next, response);
    }

    /// <summary>Sends and returns the response when its status is one of <paramref name="expected"/>; throws otherwise.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] expected)
    {
        await SendRawAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (Array.IndexOf(expected, response.Status) < 0)
        {
            throw CreateException(response);
        }

        return response;
    }

    /// <summary>
    /// Sends through the pipeline. Azure.Core's retry policy reports exhausted retries (no response at all: connection
    /// refused, reset, timeout) as an <see cref="AggregateException"/> of every attempt's failure; every caller of these
    /// clients handles storage faults as <see cref="RequestFailedException"/>, so it surfaces as one with status 0
    /// (no response), the attempts inside.
    /// </summary>
    public async Task SendRawAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0 && ex.InnerExceptions.All(e => e is RequestFailedException))
        {
            throw new RequestFailedException(0, $"Storage did not answer after {ex.InnerExceptions.Count} attempts: {ex.InnerExceptions[^1].Message}", ex);
        }
    }

    public static RequestFailedException CreateException(Response response) =>
        new(response, null, StorageErrorParser.Instance);

    /// <summary>The storage error code of a response (header, else body), or null.</summary>
    public static string? ErrorCode(Response response) =>
        StorageErrorParser.Instance.TryParse(response, out var error, out _) ? error?.Code : null;

    private static string EscapePath(string segment) =>
        string.Join('/', segment.Split('/').Select(Uri.EscapeDataString));
}
