namespace DataOps.Glean;

internal sealed partial class GleanConnectorService
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Created Glean connector {Connector} as datasource {Datasource}")]
        public static partial void Created(ILogger logger, string connector, string datasource);

        [LoggerMessage(Level = LogLevel.Information, Message = "Populated {Connector}: {Documents} documents in {Pages} pages (upload {UploadId})")]
        public static partial void Populated(ILogger logger, string connector, int documents, int pages, string uploadId);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Restarting an unfinished upload of {Connector} as {UploadId}")]
        public static partial void Restarting(ILogger logger, string connector, string uploadId);

        [LoggerMessage(Level = LogLevel.Information, Message = "Disconnected {Connector}")]
        public static partial void Disconnected(ILogger logger, string connector);

        [LoggerMessage(Level = LogLevel.Information, Message = "Emptied {Connector}; {Remaining} documents remain")]
        public static partial void Retired(ILogger logger, string connector, long remaining);

        [LoggerMessage(Level = LogLevel.Warning, Message = "{Connector}: Glean no longer has datasource {Datasource}; there is nothing to empty")]
        public static partial void RetiredAbsent(ILogger logger, string connector, string datasource);

        [LoggerMessage(Level = LogLevel.Warning, Message = "The {Kind} call of {Connector} was made but could not be recorded in its metrics")]
        public static partial void ObserverFailed(ILogger logger, Exception exception, string connector, string kind);
    }
}
