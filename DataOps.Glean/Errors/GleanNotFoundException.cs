namespace DataOps.Glean.Errors;

/// <summary>Glean does not know the named object (404).</summary>
internal sealed class GleanNotFoundException(string operation, string message, int? statusCode = 404)
    : GleanException(operation, statusCode, message)
{
    /// <inheritdoc />
    public override bool IsTransient => false;
}
