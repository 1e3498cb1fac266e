using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicPortal.Domain.Persistence.Migrations
{
    /// <summary>
    /// Adds triggers that reject every UPDATE and DELETE on the consent history, so the record
    /// of grants and withdrawals stays append-only whatever path writes to the database.
    /// </summary>
    public partial class MakeConsentHistoryAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER ConsentHistory_NoUpdate BEFORE UPDATE ON ConsentHistory
                BEGIN
                    SELECT RAISE(ABORT, 'ConsentHistory is append-only: entries cannot be updated');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ConsentHistory_NoDelete BEFORE DELETE ON ConsentHistory
                BEGIN
                    SELECT RAISE(ABORT, 'ConsentHistory is append-only: entries cannot be deleted');
                END;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER ConsentHistory_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER ConsentHistory_NoUpdate;");
        }
    }
}
