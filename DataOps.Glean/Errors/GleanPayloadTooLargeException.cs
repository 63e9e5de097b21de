namespace DataOps.Glean.Errors;

/// <summary>The request is larger than Glean accepts (413).</summary>
internal sealed class GleanPayloadTooLargeException(string operation, string message, int? statusCode = 413)
    : GleanException(operation, statusCode, message)
{
    /// <inheritdoc />
    public override bool IsTransient => false;
}
