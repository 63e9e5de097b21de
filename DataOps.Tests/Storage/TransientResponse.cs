using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace DataOps.Tests.Storage;

/// <summary>A synthetic transient failure (500/503) answered by a fault-injection policy.</summary>
internal sealed class TransientResponse(int status) : Response
{
    public override int Status { get; } = status;

    // The transport normally classifies the response; this one never reaches it, and retries only follow errors.
    public override bool IsError => true;

    public override string ReasonPhrase => Status == 503 ? "Server Busy" : "Internal Server Error";

    public override Stream? ContentStream { get; set; } = new MemoryStream();

    public override string ClientRequestId { get; set; } = string.Empty;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
