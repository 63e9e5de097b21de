using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace DataOps.Storage.Internal;

/// <summary>One operation's response inside a <c>$batch</c> multipart response.</summary>
internal sealed class BatchPartResponse(int status, string reason, IReadOnlyList<(string Name, string Value)> headers, BinaryData body) : Response
{
    private readonly IReadOnlyList<(string Name, string Value)> _headers = headers;
    private readonly BinaryData _body = body;

    public override int Status { get; } = status;

    public override string ReasonPhrase { get; } = reason;

    public override Stream? ContentStream { get; set; } = body.ToStream();

    public override BinaryData Content => _body;

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose()
    {
        ContentStream?.Dispose();
    }

    protected override bool ContainsHeader(string name) => _headers.Any(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Name, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        foreach (var (headerName, headerValue) in _headers)
        {
            if (headerName.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = headerValue;
                return true;
            }
        }

        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        values = found.Count > 0 ? found : null;
        return values is not null;
    }
}
