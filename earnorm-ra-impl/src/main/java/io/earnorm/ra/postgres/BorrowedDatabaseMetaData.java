package io.earnorm.ra.postgres;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * The {@link DatabaseMetaData} of a {@link BorrowedConnection}: refuses every call once the borrow
 * has ended, answers {@code getConnection()} with the borrower's connection wrapper, and gives its
 * result sets behind {@link BorrowedResultSet}s that the borrow tracks and closes when it ends.
 */
final class BorrowedDatabaseMetaData extends BorrowedResource<DatabaseMetaData> implements DatabaseMetaData {

    BorrowedDatabaseMetaData(BorrowedConnection connection, DatabaseMetaData metaData) {
        super(connection, metaData);
    }

    @Override public Connection getConnection() {
        connection.physical();
        return connection;
    }

    @Override public boolean allProceduresAreCallable() throws SQLException {
        try { return driver().allProceduresAreCallable(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean allTablesAreSelectable() throws SQLException {
        try { return driver().allTablesAreSelectable(); } catch (SQLException e) { throw report(e); } }
    @Override public String getURL() throws SQLException {
        try { return driver().getURL(); } catch (SQLException e) { throw report(e); } }
    @Override public String getUserName() throws SQLException {
        try { return driver().getUserName(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isReadOnly() throws SQLException {
        try { return driver().isReadOnly(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean nullsAreSortedHigh() throws SQLException {
        try { return driver().nullsAreSortedHigh(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean nullsAreSortedLow() throws SQLException {
        try { return driver().nullsAreSortedLow(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean nullsAreSortedAtStart() throws SQLException {
        try { return driver().nullsAreSortedAtStart(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean nullsAreSortedAtEnd() throws SQLException {
        try { return driver().nullsAreSortedAtEnd(); } catch (SQLException e) { throw report(e); } }
    @Override public String getDatabaseProductName() throws SQLException {
        try { return driver().getDatabaseProductName(); } catch (SQLException e) { throw report(e); } }
    @Override public String getDatabaseProductVersion() throws SQLException {
        try { return driver().getDatabaseProductVersion(); } catch (SQLException e) { throw report(e); } }
    @Override public String getDriverName() throws SQLException {
        try { return driver().getDriverName(); } catch (SQLException e) { throw report(e); } }
    @Override public String getDriverVersion() throws SQLException {
        try { return driver().getDriverVersion(); } catch (SQLException e) { throw report(e); } }
    @Override public int getDriverMajorVersion() {
        return driver().getDriverMajorVersion(); }
    @Override public int getDriverMinorVersion() {
        return driver().getDriverMinorVersion(); }
    @Override public boolean usesLocalFiles() throws SQLException {
        try { return driver().usesLocalFiles(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean usesLocalFilePerTable() throws SQLException {
        try { return driver().usesLocalFilePerTable(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsMixedCaseIdentifiers() throws SQLException {
        try { return driver().supportsMixedCaseIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean storesUpperCaseIdentifiers() throws SQLException {
        try { return driver().storesUpperCaseIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean storesLowerCaseIdentifiers() throws SQLException {
        try { return driver().storesLowerCaseIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean storesMixedCaseIdentifiers() throws SQLException {
        try { return driver().storesMixedCaseIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        try { return driver().supportsMixedCaseQuotedIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        try { return driver().storesUpperCaseQuotedIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        try { return driver().storesLowerCaseQuotedIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        try { return driver().storesMixedCaseQuotedIdentifiers(); } catch (SQLException e) { throw report(e); } }
    @Override public String getIdentifierQuoteString() throws SQLException {
        try { return driver().getIdentifierQuoteString(); } catch (SQLException e) { throw report(e); } }
    @Override public String getSQLKeywords() throws SQLException {
        try { return driver().getSQLKeywords(); } catch (SQLException e) { throw report(e); } }
    @Override public String getNumericFunctions() throws SQLException {
        try { return driver().getNumericFunctions(); } catch (SQLException e) { throw report(e); } }
    @Override public String getStringFunctions() throws SQLException {
        try { return driver().getStringFunctions(); } catch (SQLException e) { throw report(e); } }
    @Override public String getSystemFunctions() throws SQLException {
        try { return driver().getSystemFunctions(); } catch (SQLException e) { throw report(e); } }
    @Override public String getTimeDateFunctions() throws SQLException {
        try { return driver().getTimeDateFunctions(); } catch (SQLException e) { throw report(e); } }
    @Override public String getSearchStringEscape() throws SQLException {
        try { return driver().getSearchStringEscape(); } catch (SQLException e) { throw report(e); } }
    @Override public String getExtraNameCharacters() throws SQLException {
        try { return driver().getExtraNameCharacters(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsAlterTableWithAddColumn() throws SQLException {
        try { return driver().supportsAlterTableWithAddColumn(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsAlterTableWithDropColumn() throws SQLException {
        try { return driver().supportsAlterTableWithDropColumn(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsColumnAliasing() throws SQLException {
        try { return driver().supportsColumnAliasing(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean nullPlusNonNullIsNull() throws SQLException {
        try { return driver().nullPlusNonNullIsNull(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsConvert() throws SQLException {
        try { return driver().supportsConvert(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsConvert(int fromType, int toType) throws SQLException {
        try { return driver().supportsConvert(fromType, toType); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsTableCorrelationNames() throws SQLException {
        try { return driver().supportsTableCorrelationNames(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        try { return driver().supportsDifferentTableCorrelationNames(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsExpressionsInOrderBy() throws SQLException {
        try { return driver().supportsExpressionsInOrderBy(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsOrderByUnrelated() throws SQLException {
        try { return driver().supportsOrderByUnrelated(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsGroupBy() throws SQLException {
        try { return driver().supportsGroupBy(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsGroupByUnrelated() throws SQLException {
        try { return driver().supportsGroupByUnrelated(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsGroupByBeyondSelect() throws SQLException {
        try { return driver().supportsGroupByBeyondSelect(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsLikeEscapeClause() throws SQLException {
        try { return driver().supportsLikeEscapeClause(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsMultipleResultSets() throws SQLException {
        try { return driver().supportsMultipleResultSets(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsMultipleTransactions() throws SQLException {
        try { return driver().supportsMultipleTransactions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsNonNullableColumns() throws SQLException {
        try { return driver().supportsNonNullableColumns(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsMinimumSQLGrammar() throws SQLException {
        try { return driver().supportsMinimumSQLGrammar(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsCoreSQLGrammar() throws SQLException {
        try { return driver().supportsCoreSQLGrammar(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsExtendedSQLGrammar() throws SQLException {
        try { return driver().supportsExtendedSQLGrammar(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        try { return driver().supportsANSI92EntryLevelSQL(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsANSI92IntermediateSQL() throws SQLException {
        try { return driver().supportsANSI92IntermediateSQL(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsANSI92FullSQL() throws SQLException {
        try { return driver().supportsANSI92FullSQL(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        try { return driver().supportsIntegrityEnhancementFacility(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsOuterJoins() throws SQLException {
        try { return driver().supportsOuterJoins(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsFullOuterJoins() throws SQLException {
        try { return driver().supportsFullOuterJoins(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsLimitedOuterJoins() throws SQLException {
        try { return driver().supportsLimitedOuterJoins(); } catch (SQLException e) { throw report(e); } }
    @Override public String getSchemaTerm() throws SQLException {
        try { return driver().getSchemaTerm(); } catch (SQLException e) { throw report(e); } }
    @Override public String getProcedureTerm() throws SQLException {
        try { return driver().getProcedureTerm(); } catch (SQLException e) { throw report(e); } }
    @Override public String getCatalogTerm() throws SQLException {
        try { return driver().getCatalogTerm(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean isCatalogAtStart() throws SQLException {
        try { return driver().isCatalogAtStart(); } catch (SQLException e) { throw report(e); } }
    @Override public String getCatalogSeparator() throws SQLException {
        try { return driver().getCatalogSeparator(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSchemasInDataManipulation() throws SQLException {
        try { return driver().supportsSchemasInDataManipulation(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSchemasInProcedureCalls() throws SQLException {
        try { return driver().supportsSchemasInProcedureCalls(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSchemasInTableDefinitions() throws SQLException {
        try { return driver().supportsSchemasInTableDefinitions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        try { return driver().supportsSchemasInIndexDefinitions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        try { return driver().supportsSchemasInPrivilegeDefinitions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsCatalogsInDataManipulation() throws SQLException {
        try { return driver().supportsCatalogsInDataManipulation(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        try { return driver().supportsCatalogsInProcedureCalls(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        try { return driver().supportsCatalogsInTableDefinitions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        try { return driver().supportsCatalogsInIndexDefinitions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        try { return driver().supportsCatalogsInPrivilegeDefinitions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsPositionedDelete() throws SQLException {
        try { return driver().supportsPositionedDelete(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsPositionedUpdate() throws SQLException {
        try { return driver().supportsPositionedUpdate(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSelectForUpdate() throws SQLException {
        try { return driver().supportsSelectForUpdate(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsStoredProcedures() throws SQLException {
        try { return driver().supportsStoredProcedures(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSubqueriesInComparisons() throws SQLException {
        try { return driver().supportsSubqueriesInComparisons(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSubqueriesInExists() throws SQLException {
        try { return driver().supportsSubqueriesInExists(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSubqueriesInIns() throws SQLException {
        try { return driver().supportsSubqueriesInIns(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        try { return driver().supportsSubqueriesInQuantifieds(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsCorrelatedSubqueries() throws SQLException {
        try { return driver().supportsCorrelatedSubqueries(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsUnion() throws SQLException {
        try { return driver().supportsUnion(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsUnionAll() throws SQLException {
        try { return driver().supportsUnionAll(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        try { return driver().supportsOpenCursorsAcrossCommit(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        try { return driver().supportsOpenCursorsAcrossRollback(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        try { return driver().supportsOpenStatementsAcrossCommit(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        try { return driver().supportsOpenStatementsAcrossRollback(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxBinaryLiteralLength() throws SQLException {
        try { return driver().getMaxBinaryLiteralLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxCharLiteralLength() throws SQLException {
        try { return driver().getMaxCharLiteralLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxColumnNameLength() throws SQLException {
        try { return driver().getMaxColumnNameLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxColumnsInGroupBy() throws SQLException {
        try { return driver().getMaxColumnsInGroupBy(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxColumnsInIndex() throws SQLException {
        try { return driver().getMaxColumnsInIndex(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxColumnsInOrderBy() throws SQLException {
        try { return driver().getMaxColumnsInOrderBy(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxColumnsInSelect() throws SQLException {
        try { return driver().getMaxColumnsInSelect(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxColumnsInTable() throws SQLException {
        try { return driver().getMaxColumnsInTable(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxConnections() throws SQLException {
        try { return driver().getMaxConnections(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxCursorNameLength() throws SQLException {
        try { return driver().getMaxCursorNameLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxIndexLength() throws SQLException {
        try { return driver().getMaxIndexLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxSchemaNameLength() throws SQLException {
        try { return driver().getMaxSchemaNameLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxProcedureNameLength() throws SQLException {
        try { return driver().getMaxProcedureNameLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxCatalogNameLength() throws SQLException {
        try { return driver().getMaxCatalogNameLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxRowSize() throws SQLException {
        try { return driver().getMaxRowSize(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        try { return driver().doesMaxRowSizeIncludeBlobs(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxStatementLength() throws SQLException {
        try { return driver().getMaxStatementLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxStatements() throws SQLException {
        try { return driver().getMaxStatements(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxTableNameLength() throws SQLException {
        try { return driver().getMaxTableNameLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxTablesInSelect() throws SQLException {
        try { return driver().getMaxTablesInSelect(); } catch (SQLException e) { throw report(e); } }
    @Override public int getMaxUserNameLength() throws SQLException {
        try { return driver().getMaxUserNameLength(); } catch (SQLException e) { throw report(e); } }
    @Override public int getDefaultTransactionIsolation() throws SQLException {
        try { return driver().getDefaultTransactionIsolation(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsTransactions() throws SQLException {
        try { return driver().supportsTransactions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
        try { return driver().supportsTransactionIsolationLevel(level); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        try { return driver().supportsDataDefinitionAndDataManipulationTransactions(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        try { return driver().supportsDataManipulationTransactionsOnly(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        try { return driver().dataDefinitionCausesTransactionCommit(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        try { return driver().dataDefinitionIgnoredInTransactions(); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getProcedures(catalog, schemaPattern, procedureNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getProcedureColumns(catalog, schemaPattern, procedureNamePattern, columnNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        try { return connection.untiedResultSet(driver().getTables(catalog, schemaPattern, tableNamePattern, types)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getSchemas() throws SQLException {
        try { return connection.untiedResultSet(driver().getSchemas()); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getCatalogs() throws SQLException {
        try { return connection.untiedResultSet(driver().getCatalogs()); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getTableTypes() throws SQLException {
        try { return connection.untiedResultSet(driver().getTableTypes()); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getColumnPrivileges(catalog, schema, table, columnNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getTablePrivileges(catalog, schemaPattern, tableNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
        try { return connection.untiedResultSet(driver().getBestRowIdentifier(catalog, schema, table, scope, nullable)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        try { return connection.untiedResultSet(driver().getVersionColumns(catalog, schema, table)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        try { return connection.untiedResultSet(driver().getPrimaryKeys(catalog, schema, table)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        try { return connection.untiedResultSet(driver().getImportedKeys(catalog, schema, table)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        try { return connection.untiedResultSet(driver().getExportedKeys(catalog, schema, table)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        try { return connection.untiedResultSet(driver().getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getTypeInfo() throws SQLException {
        try { return connection.untiedResultSet(driver().getTypeInfo()); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
        try { return connection.untiedResultSet(driver().getIndexInfo(catalog, schema, table, unique, approximate)); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsResultSetType(int type) throws SQLException {
        try { return driver().supportsResultSetType(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
        try { return driver().supportsResultSetConcurrency(type, concurrency); } catch (SQLException e) { throw report(e); } }
    @Override public boolean ownUpdatesAreVisible(int type) throws SQLException {
        try { return driver().ownUpdatesAreVisible(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean ownDeletesAreVisible(int type) throws SQLException {
        try { return driver().ownDeletesAreVisible(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean ownInsertsAreVisible(int type) throws SQLException {
        try { return driver().ownInsertsAreVisible(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean othersUpdatesAreVisible(int type) throws SQLException {
        try { return driver().othersUpdatesAreVisible(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean othersDeletesAreVisible(int type) throws SQLException {
        try { return driver().othersDeletesAreVisible(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean othersInsertsAreVisible(int type) throws SQLException {
        try { return driver().othersInsertsAreVisible(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean updatesAreDetected(int type) throws SQLException {
        try { return driver().updatesAreDetected(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean deletesAreDetected(int type) throws SQLException {
        try { return driver().deletesAreDetected(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean insertsAreDetected(int type) throws SQLException {
        try { return driver().insertsAreDetected(type); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsBatchUpdates() throws SQLException {
        try { return driver().supportsBatchUpdates(); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        try { return connection.untiedResultSet(driver().getUDTs(catalog, schemaPattern, typeNamePattern, types)); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSavepoints() throws SQLException {
        try { return driver().supportsSavepoints(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsNamedParameters() throws SQLException {
        try { return driver().supportsNamedParameters(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsMultipleOpenResults() throws SQLException {
        try { return driver().supportsMultipleOpenResults(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsGetGeneratedKeys() throws SQLException {
        try { return driver().supportsGetGeneratedKeys(); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getSuperTypes(catalog, schemaPattern, typeNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getSuperTables(catalog, schemaPattern, tableNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsResultSetHoldability(int holdability) throws SQLException {
        try { return driver().supportsResultSetHoldability(holdability); } catch (SQLException e) { throw report(e); } }
    @Override public int getResultSetHoldability() throws SQLException {
        try { return driver().getResultSetHoldability(); } catch (SQLException e) { throw report(e); } }
    @Override public int getDatabaseMajorVersion() throws SQLException {
        try { return driver().getDatabaseMajorVersion(); } catch (SQLException e) { throw report(e); } }
    @Override public int getDatabaseMinorVersion() throws SQLException {
        try { return driver().getDatabaseMinorVersion(); } catch (SQLException e) { throw report(e); } }
    @Override public int getJDBCMajorVersion() throws SQLException {
        try { return driver().getJDBCMajorVersion(); } catch (SQLException e) { throw report(e); } }
    @Override public int getJDBCMinorVersion() throws SQLException {
        try { return driver().getJDBCMinorVersion(); } catch (SQLException e) { throw report(e); } }
    @Override public int getSQLStateType() throws SQLException {
        try { return driver().getSQLStateType(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean locatorsUpdateCopy() throws SQLException {
        try { return driver().locatorsUpdateCopy(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsStatementPooling() throws SQLException {
        try { return driver().supportsStatementPooling(); } catch (SQLException e) { throw report(e); } }
    @Override public RowIdLifetime getRowIdLifetime() throws SQLException {
        try { return driver().getRowIdLifetime(); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getSchemas(catalog, schemaPattern)); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        try { return driver().supportsStoredFunctionsUsingCallSyntax(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        try { return driver().autoCommitFailureClosesAllResultSets(); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getClientInfoProperties() throws SQLException {
        try { return connection.untiedResultSet(driver().getClientInfoProperties()); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getFunctions(catalog, schemaPattern, functionNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getFunctionColumns(catalog, schemaPattern, functionNamePattern, columnNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        try { return connection.untiedResultSet(driver().getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern)); } catch (SQLException e) { throw report(e); } }
    @Override public boolean generatedKeyAlwaysReturned() throws SQLException {
        try { return driver().generatedKeyAlwaysReturned(); } catch (SQLException e) { throw report(e); } }
    @Override public long getMaxLogicalLobSize() throws SQLException {
        try { return driver().getMaxLogicalLobSize(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsRefCursors() throws SQLException {
        try { return driver().supportsRefCursors(); } catch (SQLException e) { throw report(e); } }
    @Override public boolean supportsSharding() throws SQLException {
        try { return driver().supportsSharding(); } catch (SQLException e) { throw report(e); } }
}
