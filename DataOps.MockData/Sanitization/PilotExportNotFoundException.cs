namespace DataOps.MockData.Sanitization;

/// <summary>No pilot export exists at the expected location.</summary>
internal sealed class PilotExportNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PilotExportNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PilotExportNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PilotExportNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
