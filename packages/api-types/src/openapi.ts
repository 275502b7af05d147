/**
 * Generated from the server's OpenAPI document (/api/openapi.json) by packages/api-types/scripts/generate.ts.
 * Do not edit: change the server's schemas, then run `npm run api-types`.
 */
export interface paths {
  '/api/v1/audit/checkpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed audit checkpoints, oldest first, and the key that verifies them (public) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The history */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditCheckpoints'];
          };
        };
        /** @description The instance has no identity set up */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Check every report's event chain and the checkpoints (national oversight, national admin) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The result; `ok` false names each report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditReport'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not national oversight or the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The instance has no identity set up */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/backups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Back up the database and attachments now, without the data key */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Made */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BackupMade'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Backups are not available in this process */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in account: profile, role grants with institution names, password and TOTP state */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The account */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Staff accounts of an institution’s subtree (default: every subtree the caller manages) */
    get: {
      parameters: {
        query?: {
          institutionId?: number;
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of staff */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffPage'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Outside the caller’s scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Create a staff account (national admin; or a coordinator for its subtree)
     * @description A one-time password is e-mailed to the new account, which must change it at the first sign-in. A coordinator creates staff of its institution (not another coordinator of it) and of the units below.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StaffInput'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffMember'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Outside the caller’s scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description E-mail already in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/{userId}/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a staff account one more role (same reach as creating staff) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GrantInput'];
        };
      };
      responses: {
        /** @description Granted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              id: number;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Outside the caller’s scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such staff account in the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The account already holds this role there */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/{userId}/grants/{grantId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take one role away from a staff account (not its last: deactivate instead) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
          grantId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Taken away */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Outside the caller’s scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such account or grant in the caller’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The account’s last role */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/staff/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deactivate a staff account: no more sign-ins, sessions end */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deactivated */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Outside the caller’s scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such staff account */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My reports: the reports the signed-in citizen filed from this account, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reports */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['MyReport'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download my data: the account, grants, notifications and every report filed with its timeline (JSON) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The data */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase my identity: reports stay, pseudonymised; the account and its personal data are destroyed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EraseInput'];
        };
      };
      responses: {
        /** @description Erased; the session ends */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {boolean} */
              erased: true;
              reportsPseudonymised: number;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A staff account */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Wrong password */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/regions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Regions (provinsi, kabupaten/kota, kecamatan, desa/kelurahan): children of a parent, or a name search */
    get: {
      parameters: {
        query?: {
          parent?: string;
          level?: number;
          q?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Regions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                name: string;
                level: number;
                parentCode: string | null;
                path?: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Institutions: top level (or the children of `parent`), filtered by kind, region or a name search */
    get: {
      parameters: {
        query?: {
          q?: string;
          kind?: string;
          parent?: number;
          regionCode?: string;
          /** @description every level, not just the top */
          all?: 'true' | 'false';
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Institutions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Institution'][];
              total: number;
              page: number;
              pageSize: number;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One institution with its ancestors and children */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The institution */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Institution'] & {
              ancestors: components['schemas']['Institution'][];
              children: components['schemas']['Institution'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, move (with its subtree) or deactivate / reactivate a unit */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InstitutionPatch'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstitutionAdmin'];
          };
        };
        /** @description Outside your scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such institution */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Conflicts with the current state (open reports, active units, inactive parent) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/categories': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The category tree (topic → subtopic) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Category tree */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holidays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Days off (national holidays, cuti bersama, regional) of a year */
    get: {
      parameters: {
        query?: {
          year?: number;
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Holidays */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description For PATCH/DELETE /api/v1/holidays/{id} (national admin); null for a fixed-date holiday that no decree entered lists (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec are off in every year regardless) */
                id: number | null;
                date: string;
                name: string;
                kind: string;
                regionCode: string | null;
                source: string;
              }[];
              /** @description With `year`: its decrees, and whether it is decreed. A year without its annual SKB is provisional: only weekends and the fixed-date holidays (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec) are known to be off. */
              calendar?: {
                year: number;
                decreed: boolean;
                notice: {
                  id: string;
                  en: string;
                } | null;
                decrees: {
                  ref: string;
                  kind: string;
                  title: string;
                  date: string;
                  note: string;
                }[];
              };
            };
          };
        };
      };
    };
    put?: never;
    /** Add a day off; open deadlines it affects are recomputed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['HolidayInput'];
        };
      };
      responses: {
        /** @description Added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HolidayChangeResult'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such holiday */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description That holiday already exists on that date */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/routing/suggest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Routing suggestion: region + category → candidate institutions, best first */
    get: {
      parameters: {
        query: {
          regionCode: string;
          categoryId: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Candidate institutions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                institution: components['schemas']['Institution'];
                reason: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Public reports: full-text search (Indonesian), filters and pagination; confidential reports never appear
     * @description Newest first, or by relevance with `q`: a search ranks the newest 1,000 matches. Page on with `cursor` (`nextCursor`); `total` is exact up to 1,000 and estimated beyond (`totalExact`).
     */
    get: {
      parameters: {
        query?: {
          q?: string;
          status?:
            | 'submitted'
            | 'dispositioned'
            | 'in_progress'
            | 'awaiting_reporter'
            | 'resolved'
            | 'on_hold'
            | 'archived';
          type?: 'complaint' | 'aspiration' | 'information_request';
          categoryId?: number;
          regionCode?: string;
          institutionId?: number;
          /** @description The `nextCursor` of the previous page: the next page by keyset, as fast at page 500 as at page 1 (lists without `q`; it wins over `page`). */
          cursor?: string;
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of reports */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportPage'];
          };
        };
      };
    };
    put?: never;
    /**
     * File a report (pengaduan, aspirasi, permintaan informasi)
     * @description With `institutionId` the report goes to that institution’s queue, otherwise to the national queue. The response carries the trackingId and, once only, the access code.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /**
           * @description Optional (IETF draft-ietf-httpapi-idempotency-key-header), 1–255 characters, e.g. a UUID, quoted or not. The same key with the same request returns the first answer (same status and body, header `Idempotent-Replayed: true`) for at least 24 hours, also while the first is still running or after a restart; with another request it is a 422 `idempotency_key_mismatch`.
           * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
           */
          'Idempotency-Key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReportInput'];
        };
      };
      responses: {
        /** @description Filed */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportCreated'];
          };
        };
        /** @description Malformed request, or an `Idempotency-Key` that is empty or over 255 characters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description API key: this app already filed a report with this externalRef; or a request with this `Idempotency-Key` is still running (retry after `Retry-After`); or the same text came from the same contact, address or account within 24 hours (`reason` `duplicate_submission`, the report already filed in `errors[0].message`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Too large */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors`; or the `Idempotency-Key` was used for another request */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Too many filings from this contact (e-mail, phone) or account (`reason` `filing_limit`); retry after `Retry-After` seconds (docs/abuse.md) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{trackingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A report: the public view, or the reporter’s full view with the access code (header X-Access-Code) */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description The access code given at filing. */
          'x-access-code'?: string;
        };
        path: {
          trackingId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report. The public view carries an `ETag` and may be cached (30 s, shared caches only for requests without a cookie, token or access code); the reporter’s and staff views are `no-store`. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Report'];
          };
        };
        /** @description Not modified: the public view still has the `If-None-Match` tag */
        304: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No such report */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{trackingId}/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An attachment of a report (public unless the report is confidential; else the access code is needed) */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description The access code given at filing. */
          'x-access-code'?: string;
        };
        path: {
          trackingId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{trackingId}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take a lifecycle action on a report (verify, dispose down, acknowledge, follow up, reply, accept…)
     * @description Signed-in staff act through the role grant the lifecycle allows; a guest reporter acts with the header `X-Access-Code`. A refused action changes nothing: 403 NOT_ALLOWED, 409 INVALID_TRANSITION, 422 VALIDATION, 409 CONFLICT when the report changed meanwhile; the problem carries the domain `code` and `reason`.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The access code given at filing. */
          'x-access-code'?: string;
        };
        path: {
          trackingId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ActionInput'];
        };
      };
      responses: {
        /** @description Done */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActionResult'];
          };
        };
        /** @description Not allowed for this caller */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such report */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not possible in this status, or the report changed meanwhile */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid payload, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{trackingId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The timeline of a report, as the caller may see it (public, reporter, staff or oversight) */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description The access code given at filing. */
          'x-access-code'?: string;
        };
        path: {
          trackingId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The events */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Timeline'];
          };
        };
        /** @description No such report, or a confidential one for the public */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{trackingId}/reveal-identity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reveal an anonymous reporter’s identity (national role with the reveal permission; logged) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          trackingId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RevealInput'];
        };
      };
      responses: {
        /** @description The identity */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RevealResult'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such report */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A reason of at least 20 characters is required */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/oversight/identity-reveals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The log of identity reveals, for oversight and the national admin */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reveals, newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RevealLog'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
              reason?: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload one file (image, PDF or video, ≤ 10 MB); returns the id to list in the report’s attachmentIds */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'multipart/form-data': {
            /** Format: binary */
            file?: string;
          };
        };
      };
      responses: {
        /** @description Stored */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Attachment'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/admin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An institution as its administrators see it: SK, settings stored and in force */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The institution */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstitutionAdmin'];
          };
        };
        /** @description Outside your scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such institution */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Conflicts with the current state (open reports, active units, inactive parent) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The units directly below an institution, with their open reports */
    get: {
      parameters: {
        query?: {
          inactive?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Units */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                code: string;
                kind: string;
                name: string;
                regionCode: string | null;
                timeZone: string;
                active: boolean;
                connected: boolean;
                childCount: number;
                openReports: number;
              }[];
            };
          };
        };
        /** @description Outside your scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such institution */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Conflicts with the current state (open reports, active units, inactive parent) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a unit (unit kerja, OPD, kecamatan, desa) under an institution or unit in your scope */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NewUnit'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstitutionAdmin'];
          };
        };
        /** @description Outside your scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such institution */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Conflicts with the current state (open reports, active units, inactive parent) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who changed what in the institution’s administration, newest first */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Audit entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                action: string;
                actorId: string;
                actorRole: string;
                actorInstitutionId: number | null;
                at: string;
                before?: unknown;
                after?: unknown;
              }[];
              page: number;
              pageSize: number;
            };
          };
        };
        /** @description Outside your scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such institution */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Conflicts with the current state (open reports, active units, inactive parent) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/sk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record the institution’s SK (number, date, PDF); the institution is connected from then on */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SkInput'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstitutionAdmin'];
          };
        };
        /** @description Outside your scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such institution */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Conflicts with the current state (open reports, active units, inactive parent) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/institutions/{id}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the institution’s settings (follow-up approval, default complexity per category) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InstitutionSettingsInput'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InstitutionAdmin'];
          };
        };
        /** @description Outside your scope */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such institution */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Conflicts with the current state (open reports, active units, inactive parent) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The staff inbox: one queue of open reports in your scope, with the counts of every queue
     * @description Queues: `to_verify`, `to_acknowledge`, `in_progress`, `awaiting_reporter`, `on_hold`, `overdue` (a verify, acknowledge or follow-up deadline has passed). Sorted by deadline (default) or newest. Items never carry the reporter’s identity.
     */
    get: {
      parameters: {
        query?: {
          queue?:
            | 'to_verify'
            | 'to_acknowledge'
            | 'in_progress'
            | 'awaiting_reporter'
            | 'on_hold'
            | 'overdue';
          sort?: 'deadline' | 'newest';
          categoryId?: number;
          regionCode?: string;
          type?: 'complaint' | 'aspiration' | 'information_request';
          /** @description Only reports held by this unit or below it (inside your scope). */
          unitId?: number;
          /** @description Full text, or a trackingId */
          q?: string;
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of the queue */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['InboxPage'];
          };
        };
        /** @description Not staff */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid query */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your in-app notifications, newest first, with the number unread */
    get: {
      parameters: {
        query?: {
          limit?: number;
          before?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotificationPage'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks all your notifications read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description How many were unread */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              marked: number;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Marks one of your notifications read */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Read */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not one of your notifications */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holidays/decrees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enter a year's decree (holiday file): its days become the file's, open deadlines are recomputed */
    post: {
      parameters: {
        query?: {
          /** @description true: check and compute what would change, store nothing */
          dryRun?: 'true' | 'false';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['HolidayDecreeFile'];
        };
      };
      responses: {
        /** @description Entered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HolidayDecreeResult'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such holiday */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description That holiday already exists on that date */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/holidays/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a day off (it becomes a working day); open deadlines it affects are recomputed */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HolidayChangeResult'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such holiday */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description That holiday already exists on that date */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Move (or correct) a day off; open deadlines it affects are recomputed */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['HolidayPatch'];
        };
      };
      responses: {
        /** @description Moved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['HolidayChangeResult'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such holiday */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description That holiday already exists on that date */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/stats/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Indicators of a scope and period
     * @description Public. No institutionId/regionCode = national. Period by disposition date, default the current year to date. Aggregates only: confidential reports count, but no report content or reporter identity is exposed.
     */
    get: {
      parameters: {
        query?: {
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
          gradeBasis?: 'completionRate' | 'followUpRate';
          /** @description Minimums of Sangat Baik, Baik and Sedang, decreasing; default 90,75,50 */
          gradeThresholds?: string;
          institutionId?: number;
          /** @description Include the institution’s units (default true) */
          subtree?: string;
          /** @description A province (2-digit Kemendagri code): reports located there */
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Indicators of a scope and period */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatsSummary'];
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/rankings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Ranking of regional governments or ministries
     * @description Public. Each top-level institution summed over its subtree; best completion rate first. Aggregates only: confidential reports count, but no report content or reporter identity is exposed.
     */
    get: {
      parameters: {
        query?: {
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
          gradeBasis?: 'completionRate' | 'followUpRate';
          /** @description Minimums of Sangat Baik, Baik and Sedang, decreasing; default 90,75,50 */
          gradeThresholds?: string;
          kind?: 'regional_government' | 'ministry';
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ranking of regional governments or ministries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatsRankings'];
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/trends': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Monthly trend
     * @description Public. items: { month, received, resolved, completionRate, followUpRate, averageFollowUpSpeed }. Aggregates only: confidential reports count, but no report content or reporter identity is exposed.
     */
    get: {
      parameters: {
        query?: {
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
          gradeBasis?: 'completionRate' | 'followUpRate';
          /** @description Minimums of Sangat Baik, Baik and Sedang, decreasing; default 90,75,50 */
          gradeThresholds?: string;
          institutionId?: number;
          /** @description Include the institution’s units (default true) */
          subtree?: string;
          /** @description A province (2-digit Kemendagri code): reports located there */
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Monthly trend */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            } & {
              [key: string]: unknown;
            };
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/by-category': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * By category
     * @description Public. items: { categoryId, name, received, resolved, completionRate }. Aggregates only: confidential reports count, but no report content or reporter identity is exposed.
     */
    get: {
      parameters: {
        query?: {
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
          gradeBasis?: 'completionRate' | 'followUpRate';
          /** @description Minimums of Sangat Baik, Baik and Sedang, decreasing; default 90,75,50 */
          gradeThresholds?: string;
          institutionId?: number;
          /** @description Include the institution’s units (default true) */
          subtree?: string;
          /** @description A province (2-digit Kemendagri code): reports located there */
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description By category */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            } & {
              [key: string]: unknown;
            };
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/by-region': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * By province of the report location
     * @description Public. items: { regionCode, name, received, resolved, completionRate, overdueNow }. Aggregates only: confidential reports count, but no report content or reporter identity is exposed.
     */
    get: {
      parameters: {
        query?: {
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
          gradeBasis?: 'completionRate' | 'followUpRate';
          /** @description Minimums of Sangat Baik, Baik and Sedang, decreasing; default 90,75,50 */
          gradeThresholds?: string;
          institutionId?: number;
          /** @description Include the institution’s units (default true) */
          subtree?: string;
          /** @description A province (2-digit Kemendagri code): reports located there */
          regionCode?: string;
          level?: 'province';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description By province of the report location */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            } & {
              [key: string]: unknown;
            };
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/aspirations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Aspirations by topic and region, most frequent terms
     * @description Public, for development planning (musrenbang); period by filing date. Terms come from non-confidential aspirations only and must occur in at least 3 reports. Aggregates only: confidential reports count, but no report content or reporter identity is exposed.
     */
    get: {
      parameters: {
        query?: {
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Aspirations by topic and region, most frequent terms */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StatsAspirations'];
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/overdue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reports overdue now
     * @description Staff only: national admin and national oversight see all, institution staff their own subtree. items: { trackingId, institutionId, institutionName, stage, dueAt, workingDaysOverdue }; no identity, no title or body.
     */
    get: {
      parameters: {
        query?: {
          institutionId?: number;
          subtree?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reports overdue now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            } & {
              [key: string]: unknown;
            };
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/silent-institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Institutions that never answer
     * @description Staff only (as overdue). Institutions that received reports in the period and published no follow-up on any. items: { institutionId, name, kind, connected, received, notFollowedUp }.
     */
    get: {
      parameters: {
        query?: {
          institutionId?: number;
          subtree?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
          /** @description csv (UTF-8 with BOM) or xlsx as an attachment; JSON by default */
          format?: 'json' | 'csv' | 'xlsx';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Institutions that never answer */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                [key: string]: unknown;
              }[];
            } & {
              [key: string]: unknown;
            };
            'text/csv': string;
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Invalid parameter (the field is named) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stats/institutions/{id}/evaluation.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Printable evaluation report of an institution (with its units) and period
     * @description Public PDF with the indicators, SLA compliance, backlog and the monthly trend. Aggregates only: confidential reports count, but no report content or reporter identity is exposed.
     */
    get: {
      parameters: {
        query?: {
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          from?: string;
          /** @description Local date YYYY-MM-DD, inclusive, by disposition date */
          to?: string;
        };
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description PDF */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
          };
        };
        /** @description Invalid parameter */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/programs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Active programs; with `regionCode`, those whose area covers that village (the report form offers them) */
    get: {
      parameters: {
        query?: {
          /** @description Only programs whose area covers this village */
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Programs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ProgramSummary'][];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/programs/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One active program: its categories, extra fields and levels with deadlines (its intake page) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The program */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProgramDetail'];
          };
        };
        /** @description No such program */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/programs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The programs the caller may configure (national admin: all; provincial admin: their province’s) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Programs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AdminProgram'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a program (national admin, or the provincial admin of the owner’s province) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ProgramCreate'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminProgram'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Code taken */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/programs/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace a program’s whole configuration (its code stays) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ProgramUpdate'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AdminProgram'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such program */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/programs/{code}/queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The program’s queue: handlers see what they hold, owner admins, oversight and the national admin all */
    get: {
      parameters: {
        query?: {
          level?: 'village' | 'regency' | 'province';
          status?:
            | 'submitted'
            | 'dispositioned'
            | 'in_progress'
            | 'awaiting_reporter'
            | 'resolved'
            | 'on_hold'
            | 'archived';
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page, newest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProgramQueuePage'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such program */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/programs/{code}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The program report for a period: by category, level, village, status and gender; time to resolve
     * @description Filed between `from` and `to` (local dates of the owner). `format=csv` for the periodic submission.
     */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
          format?: 'json' | 'csv';
        };
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Figures */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProgramReport'];
            'text/csv': string;
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such program */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/programs/{code}/villages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Activity per village for the facilitators’ map (a facilitator sees the villages of their own filings) */
    get: {
      parameters: {
        query?: {
          from?: string;
          to?: string;
        };
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Villages */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProgramVillages'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such program */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{trackingId}/similar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reports that look like this one, in your scope (duplicate candidates for archiving)
     * @description Without `q`: reports whose title is trigram-similar to this report’s, ranked by title and opening-body similarity. With `q`: reports whose title or body matches the words, or the exact trackingId. Only reports in the caller’s scope; never the reporter’s identity. 404 unless the caller is staff of this report.
     */
    get: {
      parameters: {
        query?: {
          /** @description Search words or a trackingId instead of the report’s own title and body */
          q?: string;
          limit?: number;
        };
        header?: never;
        path: {
          trackingId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Candidates, best first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SimilarReports'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such report, or not yours to handle */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid query */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/moderation/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reports flagged as spam or abusive that wait for the national admin (oldest flag first)
     * @description Release a flag (back into normal handling) or confirm it (archived as `abusive`, hidden from the public, out of every evaluation) with the actions `release_flag` and `confirm_flag` on POST /api/v1/reports/{trackingId}/actions.
     */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of the queue */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ModerationQueue'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/apps/{appId}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The app's webhook endpoints */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          appId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The endpoints */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WebhookEndpoint'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Register a webhook endpoint; the answer carries its secret, shown only this once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          appId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WebhookEndpointInput'];
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookEndpointCreated'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/webhooks/{endpointId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One webhook endpoint */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          endpointId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The endpoint */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookEndpoint'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete the endpoint; its pending deliveries are cancelled */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          endpointId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ok: boolean;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change the URL, event types, description, or enable/disable the endpoint */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          endpointId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['WebhookEndpointPatch'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookEndpoint'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/integration/webhooks/{endpointId}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new secret (shown once); the old one also signs for 24 hours */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          endpointId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Rotated */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookSecretRotated'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/webhooks/{endpointId}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a `webhook.test` delivery, sent and logged like any other */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          endpointId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookDelivery'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/webhooks/{endpointId}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The endpoint's delivery log, newest first */
    get: {
      parameters: {
        query?: {
          /** @description nextCursor of the previous page */
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path: {
          endpointId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookDeliveryPage'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/deliveries/{deliveryId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again: a new delivery with the same payload and webhook-id */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          deliveryId: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookDelivery'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app, endpoint or delivery among those you manage */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` (a URL that is not https or reaches a private address) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/apps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The integration apps the caller may manage */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Apps */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['IntegrationApp'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Register a regional app for an institution */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['IntegrationAppInput'];
        };
      };
      responses: {
        /** @description Registered */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IntegrationApp'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Slug taken */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/apps/{appId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One app */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          appId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The app */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IntegrationApp'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change an app’s name or contact, or disable it (its keys stop at once) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          appId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['IntegrationAppPatch'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IntegrationApp'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/integration/apps/{appId}/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The app’s keys with their status (never the key itself) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          appId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Keys */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['IntegrationKey'][];
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    /** Create an API key: the answer shows it once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          appId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['IntegrationKeyInput'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IntegrationKeyCreated'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/keys/{keyId}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rotate a key: a successor now, the old key live until the end of the overlap */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          keyId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Rotated */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IntegrationKeyCreated'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Key not live */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/keys/{keyId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a key at once */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          keyId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IntegrationKey'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No `manage_api_keys` on the institution */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such app or key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reports the app filed (`scope=filed`) or its subtree holds (`held`), by (updatedAt, id), with a cursor */
    get: {
      parameters: {
        query?: {
          scope?: 'filed' | 'held';
          updatedSince?: string;
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IntegrationReportPage'];
          };
        };
        /** @description Missing, malformed, unknown, expired or revoked key (`WWW-Authenticate: Bearer`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The key lacks the permission, named in `errors` */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such report in the app’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A bad query value, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Over the key’s rate limit (`Retry-After`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/reports/{trackingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One report as a liaison officer of the app’s institution sees it, with externalRef, version and ETag */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          trackingId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description Missing, malformed, unknown, expired or revoked key (`WWW-Authenticate: Bearer`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The key lacks the permission, named in `errors` */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such report in the app’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Over the key’s rate limit (`Retry-After`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/integration/reports/{trackingId}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge, follow up, hold or return not-our-authority, as staff would; `If-Match` required */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The report version the app last saw: `"<version>"`. */
          'if-match'?: string;
        };
        path: {
          trackingId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ActionInput'];
        };
      };
      responses: {
        /** @description Done; `ETag` is the new version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ActionResult'];
          };
        };
        /** @description Missing, malformed, unknown, expired or revoked key (`WWW-Authenticate: Bearer`) */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The key lacks the permission, named in `errors` */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such report in the app’s scope */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not possible in this status */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The report changed since the version in `If-Match` */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid payload, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description `If-Match` missing */
        428: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Over the key’s rate limit (`Retry-After`) */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
              code: string;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/discovery.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open311 service discovery: the GeoReport v2 endpoint, its formats and how to get a key */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          format: 'xml' | 'json';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The discovery document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description The request cannot be fulfilled: `errors` of `{code, description}` */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Not found (service_code, service_request_id, token or jurisdiction_id) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** GeoReport v2 services: every category, `group` its topic */
    get: {
      parameters: {
        query?: {
          /** @description Optional: this instance serves one jurisdiction, the host of its public address. */
          jurisdiction_id?: string;
        };
        header?: never;
        path: {
          format: 'xml' | 'json';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The services */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description The request cannot be fulfilled: `errors` of `{code, description}` */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Not found (service_code, service_request_id, token or jurisdiction_id) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/services/{service_code}.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A service definition: the attributes of a report (type, title, incident date, anonymity, confidentiality) */
    get: {
      parameters: {
        query?: {
          /** @description Optional: this instance serves one jurisdiction, the host of its public address. */
          jurisdiction_id?: string;
        };
        header?: never;
        path: {
          /** @description A category code */
          service_code: string;
          format: 'xml' | 'json';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The service definition */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description The request cannot be fulfilled: `errors` of `{code, description}` */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Not found (service_code, service_request_id, token or jurisdiction_id) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public requests (never confidential ones, never a reporter): last 90 days, at most 1000, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Optional: this instance serves one jurisdiction, the host of its public address. */
          jurisdiction_id?: string;
          /** @description Comma-separated; overrides the rest */
          service_request_id?: string;
          /** @description Comma-separated */
          service_code?: string;
          /** @description W3C date-time with zone */
          start_date?: string;
          /** @description W3C date-time; at most 90 days after start_date */
          end_date?: string;
          /** @description `open`, `closed`, or both comma-separated */
          status?: string;
        };
        header?: never;
        path: {
          format: 'xml' | 'json';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The requests */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description The request cannot be fulfilled: `errors` of `{code, description}` */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Not found (service_code, service_request_id, token or jurisdiction_id) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
      };
    };
    put?: never;
    /** File a report through Open311 with an integration API key (`api_key` form field), channel `open311` */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          format: 'xml' | 'json';
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            api_key: string;
            service_code: string;
            lat?: string;
            long?: string;
            address_string?: string;
            /** @description A Kemendagri region code */
            address_id?: string;
            description: string;
            email?: string;
            first_name?: string;
            last_name?: string;
            phone?: string;
            media_url?: string;
          };
        };
      };
      responses: {
        /** @description Filed: service_request_id, and the access code once in service_notice */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description The request cannot be fulfilled: `errors` of `{code, description}` */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Missing or invalid api_key */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Not found (service_code, service_request_id, token or jurisdiction_id) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/requests/{service_request_id}.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One public request; a confidential one is not found */
    get: {
      parameters: {
        query?: {
          /** @description Optional: this instance serves one jurisdiction, the host of its public address. */
          jurisdiction_id?: string;
        };
        header?: never;
        path: {
          /** @description The trackingId */
          service_request_id: string;
          format: 'xml' | 'json';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description The request cannot be fulfilled: `errors` of `{code, description}` */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Not found (service_code, service_request_id, token or jurisdiction_id) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/open311/v2/tokens/{token}.{format}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The request of a token (filing is realtime: a service_request_id is its own token) */
    get: {
      parameters: {
        query?: {
          /** @description Optional: this instance serves one jurisdiction, the host of its public address. */
          jurisdiction_id?: string;
        };
        header?: never;
        path: {
          /** @description A token */
          token: string;
          format: 'xml' | 'json';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The request id */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description The request cannot be fulfilled: `errors` of `{code, description}` */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
        /** @description Not found (service_code, service_request_id, token or jurisdiction_id) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/xml': string;
            'application/json': unknown;
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/open-data/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Public reports as open data, page by page (keyset: follow `next`)
     * @description Never a confidential report, nothing about the reporter, no free text, the place at regency level at most. A page past the end is empty with `next: null`; an unknown cursor or a bad filter is 400 with one entry per field.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day (WIB) of creation, included. */
          from?: string;
          /** @description Last day (WIB) of creation, included. */
          to?: string;
          province?: string;
          regency?: string;
          /** @description A category code; its subcategories are included. */
          category?: string;
          type?: 'complaint' | 'aspiration' | 'information_request';
          status?:
            | 'submitted'
            | 'dispositioned'
            | 'in_progress'
            | 'awaiting_reporter'
            | 'resolved'
            | 'on_hold'
            | 'archived';
          /** @description The `next` of the previous page. */
          cursor?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenReportPage'];
          };
        };
        /** @description Bad filter or cursor */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/open-data/aggregates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Report counts by month × province × regency × topic × status, and province-month totals
     * @description Confidential reports count here. Counts under 5 are not published (the cell is left out, exactly like an empty one). Every published count — cells and province-month totals — is rounded to a multiple of 5, down or up at random but consistently (the cell key method), so a total minus its cells never reveals a hidden cell.
     */
    get: {
      parameters: {
        query?: {
          /** @description First month; default 11 months before `to`. */
          from?: string;
          /** @description Last month; default this month. */
          to?: string;
          province?: string;
          regency?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Counts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenAggregates'];
          };
        };
        /** @description Bad filter */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Open data is not set up on this instance */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/open-data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The open-data files (sizes, dates, hashes), the licence, the small-count rule and the dictionary */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Index */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OpenDataIndex'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/{trackingId}/attachments/{id}/publication': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withhold an attachment from publication (public view, Open311, open data), or publish it again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          trackingId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AttachmentPublicationInput'];
        };
      };
      responses: {
        /** @description Done */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AttachmentPublication'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description No such attachment, or not yours to handle */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This instance's fingerprint, the trusted peers and who handles which institution */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The federation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FederationView'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The instance has no identity set up, or an institution is handled by another peer */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/identity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This instance's signed identity document, to hand to a peer's operator */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The instance has no identity set up, or an institution is handled by another peer */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/peers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trust a peer from its identity document and the fingerprint its operator read out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FederationTrustInput'];
        };
      };
      responses: {
        /** @description Trusted */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FederationPeer'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not the national admin */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description The instance has no identity set up, or an institution is handled by another peer */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Invalid fields, named in `errors` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/federation/messages': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A peer instance's message (forwarded report, copy, events, reporter command), applied once and in order
     * @description Headers `webhook-id: fed_<sender>_<trackingId>_<seq>`, `webhook-timestamp`, `webhook-signature: v1a,<Ed25519>`. Body `{ type, trackingId, seq, data }`. See docs/federation.md.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Applied, or already applied before (`duplicate`); a command answers whether it was applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              result?: unknown;
            };
          };
        };
        /** @description Not a federation message */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description Not signed by a trusted peer, or the timestamp is older than 5 minutes */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
        /** @description A gap in the stream: the sender resends from `expectedSeq` */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              expectedSeq: number;
            };
          };
        };
        /** @description Refused: it would break this copy (chain, reference data, not a copy of the sender) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              title: string;
              status: number;
            } & {
              [key: string]: unknown;
            };
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AuditCheckpoints: {
      instance: string;
      publicKey: string;
      fingerprint: string;
      checkpoints: components['schemas']['AuditCheckpoint'][];
    };
    AuditCheckpoint: {
      seq: number;
      at: string;
      /** @description Reports (leaves) the root covers */
      reports: number;
      /** @description Events up to those heads */
      events: number;
      /** @description Hex SHA-256 Merkle tree hash (RFC 6962) over the chain heads */
      root: string;
      prevRoot: string | null;
      publicKey: string;
      /** @description Base64 Ed25519 signature over the canonical statement */
      signature: string;
    };
    AuditReport: {
      ok: boolean;
      reports: number;
      events: number;
      listed: number;
      findings: {
        reportId: number;
        trackingId: string | null;
        /** @enum {string} */
        fault: 'no_events' | 'edited' | 'deleted' | 'reordered' | 'inserted' | 'rewritten_since_checkpoint';
        seq: number;
      }[];
      checkpoints: {
        count: number;
        latest: number | null;
        problems: {
          seq: number;
          problem: string;
        }[];
      };
    };
    BackupMade: {
      /** @description The backup folder on the server */
      path: string;
      /** @enum {string} */
      engine: 'postgres' | 'pglite';
      createdAt: string;
      /** @description Fingerprint of the data key a restore needs (not the key) */
      dataKey: string;
      tables: number;
      rows: number;
      files: number;
    };
    Me: {
      userId: string;
      name: string;
      email: string;
      emailVerified: boolean;
      phone: string | null;
      /** @enum {string} */
      language: 'id' | 'en';
      mustChangePassword: boolean;
      twoFactorEnabled: boolean;
      grants: {
        /** @description The grant, for taking it away */
        id?: number;
        /** @example coordinator */
        role: string;
        institutionId: number | null;
        institutionName: string | null;
        institutionCode: string | null;
      }[];
      permissions: string[];
    };
    StaffMember: {
      userId: string;
      name: string;
      email: string;
      /** @enum {string} */
      language: 'id' | 'en';
      active: boolean;
      mustChangePassword: boolean;
      twoFactorEnabled: boolean;
      createdAt: string;
      grants: {
        /** @description The grant, for taking it away */
        id?: number;
        /** @example coordinator */
        role: string;
        institutionId: number | null;
        institutionName: string | null;
      }[];
    };
    StaffInput: {
      /** @example Siti Rahmawati */
      name: string;
      /**
       * Format: email
       * @example siti.rahmawati@samarindakota.go.id
       */
      email: string;
      /** @enum {string} */
      role:
        | 'national_admin'
        | 'oversight'
        | 'facilitator'
        | 'coordinator'
        | 'liaison_officer'
        | 'unit_operator'
        | 'leadership'
        | 'developer';
      institutionId?: number | null;
      phone?: string;
      /**
       * @default id
       * @enum {string}
       */
      language?: 'id' | 'en';
    };
    StaffPage: {
      items: components['schemas']['StaffMember'][];
      page: number;
      pageSize: number;
      total: number;
    };
    GrantInput: {
      /** @enum {string} */
      role:
        | 'national_admin'
        | 'oversight'
        | 'facilitator'
        | 'coordinator'
        | 'liaison_officer'
        | 'unit_operator'
        | 'leadership'
        | 'developer';
      institutionId?: number | null;
    };
    MyReport: {
      trackingId: string;
      type: string;
      title: string;
      status: string;
      isAnonymous: boolean;
      isConfidential: boolean;
      institution: {
        id: number;
        name: string;
      } | null;
      createdAt: string;
    };
    EraseInput: {
      password: string;
    };
    Institution: {
      id: number;
      code: string;
      kind: string;
      name: string;
      acronym: string | null;
      regionCode: string | null;
      timeZone: string;
      parentId: number | null;
      connected: boolean;
      childCount: number;
    };
    ReportCreated: {
      trackingId: string;
      /** @enum {string} */
      status:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived';
      /** @enum {string} */
      queue: 'national' | 'institution';
      institution: {
        id: number;
        name: string;
      } | null;
      dueAt: string | null;
      /** @description Shown once: keep it to follow, reply to and rate the report. */
      accessCode: string;
      /** @description A program grievance: the level that holds it and that level’s deadline */
      program?: {
        code: string;
        level: string;
        levelDueAt: string;
      };
    };
    ReportInput: {
      /** @enum {string} */
      type: 'complaint' | 'aspiration' | 'information_request';
      /** @example Jalan berlubang di Jalan Juanda Samarinda */
      title: string;
      body: string;
      /**
       * Format: date
       * @example 2026-11-20
       */
      incidentDate: string;
      location: {
        /** @example 64.72 */
        regionCode: string;
        address?: string;
        lat?: number;
        lng?: number;
      };
      categoryId: number;
      institutionId?: number;
      /** @default false */
      isAnonymous?: boolean;
      /** @default false */
      isConfidential?: boolean;
      /** @default [] */
      attachmentIds?: string[];
      reporter?: {
        name: string;
        /** Format: email */
        email?: string;
        phone?: string;
      };
      /**
       * @default id
       * @enum {string}
       */
      language?: 'id' | 'en';
      /** @description A program grievance: `location.regionCode` must be a village in the program’s area; the program category sets `categoryId`; `fields` follow the program’s field definitions. */
      program?: {
        code: string;
        categoryCode: string;
        /** @default {} */
        fields?: {
          [key: string]: string | number | null;
        };
      };
      /** @enum {string} */
      reporterGender?: 'female' | 'male';
      /** @description API-key callers only: the app’s own reference, unique per app. */
      externalRef?: string;
      /** @description Leave out or empty. A filing with it filled is accepted as usual but held for moderation as spam. */
      website?: string;
    };
    Report: {
      trackingId: string;
      /** @enum {string} */
      type: 'complaint' | 'aspiration' | 'information_request';
      /** @enum {string} */
      status:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived';
      statusLabel: string;
      isAnonymous: boolean;
      isConfidential: boolean;
      title: string | null;
      body: string | null;
      incidentDate: string | null;
      category: {
        id: number;
        name: string;
        code: string;
      } | null;
      region: {
        code: string;
        name: string;
      } | null;
      address?: string | null;
      location?: {
        lat: number;
        lng: number;
      } | null;
      institution: {
        id: number;
        name: string;
      } | null;
      reporter: {
        display: string;
        name?: string;
        email?: string;
        phone?: string;
      };
      attachments: {
        id: string;
        kind: string;
        mime: string;
        size: number;
        url: string;
        withheld?: boolean;
      }[];
      dueAt?: string | null;
      createdAt: string;
      /** @enum {string} */
      view: 'public' | 'reporter' | 'staff';
      handling?: components['schemas']['Handling'];
    };
    Handling: {
      stage: string | null;
      dueAt: string | null;
      /** @description The holder's time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) */
      timeZone: string;
      workingDaysLeft: number | null;
      /** @description Non-null when the deadline counts through a year whose SKB 3 Menteri is not entered: only weekends and the fixed-date holidays are known, so it may move when the decree is entered. `id`/`en`: the sentence to show. */
      dueNotice: {
        year: number;
        id: string;
        en: string;
      } | null;
      allowedActions: (
        | 'verify'
        | 'dispose_down'
        | 'not_our_authority'
        | 'hold'
        | 'answer_hold'
        | 'archive'
        | 'auto_archive'
        | 'acknowledge'
        | 'draft_follow_up'
        | 'approve_follow_up'
        | 'return_draft'
        | 'post_follow_up'
        | 'reporter_reply'
        | 'accept'
        | 'auto_resolve'
        | 'reopen'
        | 'rate'
        | 'comment_internal'
        | 'escalate'
        | 'resolve_parent'
        | 'raise_level'
        | 'flag'
        | 'release_flag'
        | 'confirm_flag'
      )[];
      /** @enum {string|null} */
      complexity: 'simple' | 'no_field_exam' | 'field_exam' | null;
      hops: number;
      followUpCount: number;
      rating: number | null;
      custody: {
        institution: {
          id: number;
          name: string;
        } | null;
        workingDays: number;
      }[];
      draft: {
        message: string;
        attachmentIds: string[];
        /** @enum {string} */
        state: 'pending' | 'returned';
        returnNote: string | null;
        at: string;
      } | null;
      parent: string | null;
      children: {
        trackingId: string;
        status: string;
      }[];
      duplicateOf: string | null;
      /** @description A flag as spam or abuse and the national admin’s decision (docs/abuse.md) */
      moderation: {
        /** @enum {string} */
        status: 'pending' | 'released' | 'confirmed';
        /** @enum {string} */
        reason: 'spam' | 'abusive';
        /** @enum {string} */
        source: 'rule' | 'staff';
        rules: ('honeypot' | 'address_limit')[];
        flaggedAt: string;
      } | null;
    };
    ReportPage: {
      items: components['schemas']['Report'][];
      page: number;
      pageSize: number;
      /** @description Exact up to 1,000, estimated beyond (a search: capped at 1,000) */
      total: number;
      totalExact: boolean;
      /** @description The next page’s `cursor`; null on the last page */
      nextCursor: string | null;
    };
    ActionResult: {
      trackingId: string;
      /** @enum {string} */
      action:
        | 'verify'
        | 'dispose_down'
        | 'not_our_authority'
        | 'hold'
        | 'answer_hold'
        | 'archive'
        | 'auto_archive'
        | 'acknowledge'
        | 'draft_follow_up'
        | 'approve_follow_up'
        | 'return_draft'
        | 'post_follow_up'
        | 'reporter_reply'
        | 'accept'
        | 'auto_resolve'
        | 'reopen'
        | 'rate'
        | 'comment_internal'
        | 'escalate'
        | 'resolve_parent'
        | 'raise_level'
        | 'flag'
        | 'release_flag'
        | 'confirm_flag';
      /** @enum {string} */
      status:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived';
      statusLabel: string;
      institution: {
        id: number;
        name: string;
      } | null;
      stage: string | null;
      dueAt: string | null;
      /** @description Working days to the deadline; negative when overdue */
      workingDaysLeft: number | null;
      /** @description Non-null when the deadline counts through a year whose SKB 3 Menteri is not entered: only weekends and the fixed-date holidays are known, so it may move when the decree is entered. `id`/`en`: the sentence to show. */
      dueNotice: {
        year: number;
        id: string;
        en: string;
      } | null;
      /** @description What this caller may do next */
      allowedActions: (
        | 'verify'
        | 'dispose_down'
        | 'not_our_authority'
        | 'hold'
        | 'answer_hold'
        | 'archive'
        | 'auto_archive'
        | 'acknowledge'
        | 'draft_follow_up'
        | 'approve_follow_up'
        | 'return_draft'
        | 'post_follow_up'
        | 'reporter_reply'
        | 'accept'
        | 'auto_resolve'
        | 'reopen'
        | 'rate'
        | 'comment_internal'
        | 'escalate'
        | 'resolve_parent'
        | 'raise_level'
        | 'flag'
        | 'release_flag'
        | 'confirm_flag'
      )[];
      warnings: {
        code: string;
        message: string;
        similarity: number;
      }[];
      /** @description Child reports created by verifying to several institutions */
      children: {
        trackingId: string;
        institutionId: number;
      }[];
      /** @description Set when another Pintu instance handles the report: the action was sent there and shows here once applied */
      forwardedTo?: string;
    };
    ActionInput:
      | {
          /** @enum {string} */
          action: 'verify';
          targets: number[];
          note?: string;
        }
      | {
          /** @enum {string} */
          action: 'dispose_down';
          unit: number;
          note?: string;
        }
      | {
          /** @enum {string} */
          action: 'not_our_authority';
          reason: string;
          target?: number | null;
        }
      | {
          /** @enum {string} */
          action: 'hold';
          question: string;
        }
      | {
          /** @enum {string} */
          action: 'answer_hold';
          message: string;
        }
      | {
          /** @enum {string} */
          action: 'archive';
          /** @enum {string} */
          reason:
            | 'unclear'
            | 'too_general'
            | 'not_public_service'
            | 'duplicate'
            | 'out_of_scope'
            | 'abusive'
            | 'no_response';
          note?: string;
          /** @description The original report, for `duplicate` */
          duplicateOf?: string;
        }
      | {
          /** @enum {string} */
          action: 'auto_archive';
        }
      | {
          /** @enum {string} */
          action: 'acknowledge';
          /** @enum {string} */
          complexity: 'simple' | 'no_field_exam' | 'field_exam';
          message: string;
        }
      | {
          /** @enum {string} */
          action: 'draft_follow_up';
          message: string;
          attachmentIds?: string[];
        }
      | {
          /** @enum {string} */
          action: 'approve_follow_up';
        }
      | {
          /** @enum {string} */
          action: 'return_draft';
          note: string;
        }
      | {
          /** @enum {string} */
          action: 'post_follow_up';
          message: string;
          attachmentIds?: string[];
        }
      | {
          /** @enum {string} */
          action: 'reporter_reply';
          message: string;
        }
      | {
          /** @enum {string} */
          action: 'accept';
          rating: number;
          comment?: string;
        }
      | {
          /** @enum {string} */
          action: 'auto_resolve';
        }
      | {
          /** @enum {string} */
          action: 'reopen';
          reason: string;
        }
      | {
          /** @enum {string} */
          action: 'rate';
          rating: number;
          comment?: string;
        }
      | {
          /** @enum {string} */
          action: 'comment_internal';
          message: string;
        }
      | {
          /** @enum {string} */
          action: 'escalate';
        }
      | {
          /** @enum {string} */
          action: 'resolve_parent';
        }
      | {
          /** @enum {string} */
          action: 'raise_level';
          reason: string;
        }
      | {
          /** @enum {string} */
          action: 'flag';
          /** @enum {string} */
          reason: 'spam' | 'abusive';
          note?: string;
        }
      | {
          /** @enum {string} */
          action: 'release_flag';
          note?: string;
        }
      | {
          /** @enum {string} */
          action: 'confirm_flag';
          note?: string;
        };
    Timeline: {
      trackingId: string;
      /** @enum {string} */
      audience: 'public' | 'reporter' | 'staff' | 'oversight';
      events: components['schemas']['TimelineEvent'][];
      /** @description Names of the institutions the events refer to, by id */
      institutions: {
        [key: string]: string;
      };
    };
    TimelineEvent: {
      seq: number;
      type: string;
      at: string;
      /** @enum {string|null} */
      fromStatus:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived'
        | null;
      /** @enum {string|null} */
      toStatus:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived'
        | null;
      statusLabel: string | null;
      actor: {
        /** @enum {string} */
        side: 'reporter' | 'institution' | 'national' | 'system';
        /** @enum {string} */
        role?:
          | 'citizen'
          | 'guest'
          | 'facilitator'
          | 'national_admin'
          | 'coordinator'
          | 'liaison_officer'
          | 'unit_operator'
          | 'leadership'
          | 'developer'
          | 'oversight'
          | 'system'
          | 'integration';
        institutionId?: number | null;
        userId?: string;
      };
      payload: {
        [key: string]: unknown;
      };
    };
    RevealResult: {
      trackingId: string;
      revealId: number;
      identity: {
        name?: string;
        email?: string;
        phone?: string;
      } | null;
    };
    RevealInput: {
      /** @description Why the identity is needed (at least 20 characters) */
      reason: string;
    };
    RevealLog: {
      items: {
        id: number;
        trackingId: string;
        revealedBy: {
          userId: string;
          name: string | null;
          role: string;
        };
        reason: string;
        at: string;
      }[];
      page: number;
      pageSize: number;
      total: number;
    };
    Attachment: {
      /** Format: uuid */
      id: string;
      kind: string;
      mime: string;
      size: number;
      filename: string;
    };
    InstitutionAdmin: {
      id: number;
      code: string;
      kind: string;
      name: string;
      parentId: number | null;
      path: number[];
      regionCode: string | null;
      timeZone: string;
      active: boolean;
      /** @description Its institution (itself, or for a unit its owner) has an SK */
      connected: boolean;
      sk: {
        number: string;
        date: string;
        attachmentId: string;
        recordedAt: string;
      } | null;
      settings: {
        followUpRequiresApproval?: boolean;
        defaultComplexity?: {
          [key: string]: 'simple' | 'no_field_exam' | 'field_exam';
        };
      };
      effectiveSettings: {
        followUpRequiresApproval: boolean;
        defaultComplexity: {
          [key: string]: 'simple' | 'no_field_exam' | 'field_exam';
        };
      };
    };
    NewUnit: {
      /** @example Dinas Pekerjaan Umum dan Penataan Ruang */
      name: string;
      /**
       * @description A region inside the parent’s (a kecamatan or desa of its pemda); default: the parent’s
       * @example 64.72
       */
      regionCode?: string;
    };
    InstitutionPatch: {
      /** @example Dinas Pekerjaan Umum dan Penataan Ruang */
      name?: string;
      /** @description Move under this institution */
      parentId?: number;
      /** @description false deactivates (refused while reports are open) */
      active?: boolean;
    };
    SkInput: {
      /** @example 100.3.3.2/245/HK-KS/2024 */
      number: string;
      /** Format: date */
      date: string;
      /**
       * Format: uuid
       * @description The decree as a PDF uploaded to POST /api/v1/attachments
       */
      attachmentId: string;
    };
    InstitutionSettingsInput: {
      /** @description Whether a unit operator’s follow-up waits for the liaison officer’s approval; absent = inherit */
      followUpRequiresApproval?: boolean;
      /**
       * @description Category id → complexity class proposed on acknowledge
       * @example {
       *       "12": "simple"
       *     }
       */
      defaultComplexity?: {
        [key: string]: 'simple' | 'no_field_exam' | 'field_exam';
      };
    };
    InboxPage: {
      /** @enum {string} */
      queue: 'to_verify' | 'to_acknowledge' | 'in_progress' | 'awaiting_reporter' | 'on_hold' | 'overdue';
      counts: {
        to_verify: number;
        to_acknowledge: number;
        in_progress: number;
        awaiting_reporter: number;
        on_hold: number;
        overdue: number;
      };
      /** @description False where the scope holds over ~20,000 open reports and the queue over 1,000: its count is 1,000 (“1,000+”) */
      countsExact: {
        to_verify: boolean;
        to_acknowledge: boolean;
        in_progress: boolean;
        awaiting_reporter: boolean;
        on_hold: boolean;
        overdue: boolean;
      };
      items: components['schemas']['InboxItem'][];
      page: number;
      pageSize: number;
      total: number;
    };
    InboxItem: {
      trackingId: string;
      /** @enum {string} */
      type: 'complaint' | 'aspiration' | 'information_request';
      title: string;
      /** @enum {string} */
      status:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived';
      statusLabel: string;
      holder: {
        id: number;
        name: string;
      } | null;
      category: {
        id: number;
        name: string;
      };
      region: {
        code: string;
        name: string;
      };
      dueAt: string | null;
      /** @description Working days to the deadline in the holder’s time zone; 0 = due today, negative = overdue */
      workingDaysLeft: number | null;
      /** @enum {string|null} */
      dueState: 'overdue' | 'due_soon' | 'ok' | null;
      /** @description Non-null when the deadline counts through a year whose SKB 3 Menteri is not entered: only weekends and the fixed-date holidays are known, so it may move when the decree is entered. `id`/`en`: the sentence to show. */
      dueNotice: {
        year: number;
        id: string;
        en: string;
      } | null;
      /** @enum {string} */
      waitingOn: 'institution' | 'reporter';
      isAnonymous: boolean;
      isConfidential: boolean;
      /** @description Held by an institution that is not connected (no SK yet) */
      unattended: boolean;
      readOnly: boolean;
      createdAt: string;
    };
    NotificationPage: {
      items: components['schemas']['Notification'][];
      unread: number;
    };
    Notification: {
      id: number;
      trackingId: string;
      template: string;
      title: string;
      body: string;
      createdAt: string;
      readAt: string | null;
    };
    HolidayDecreeResult: {
      year: number;
      dryRun: boolean;
      /** @description Whether the year now has its annual decree (not provisional) */
      decreed: boolean;
      added: {
        date: string;
        name: string;
        /** @enum {string} */
        kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
        regionCode?: string | null;
        source: string;
      }[];
      renamed: {
        date: string;
        name: string;
        /** @enum {string} */
        kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
        regionCode?: string | null;
        source: string;
      }[];
      removed: {
        date: string;
        name: string;
        /** @enum {string} */
        kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
        regionCode?: string | null;
        source: string;
      }[];
      /** @description Open deadlines the decree moved (or would move, on a dry run) */
      affected: {
        trackingId: string;
        stage: string;
        from: string;
        to: string;
      }[];
    };
    /**
     * @description The project's holiday format: `year`; `sources` (ref, kind annual | revision | special, title, date, note); `holidays` (date, name, kind, regionCode for a regional day, source = one of the refs). The days of the decrees listed become exactly these.
     * @example {
     *       "year": 2027,
     *       "sources": [
     *         {
     *           "ref": "SKB …/2026",
     *           "kind": "annual",
     *           "title": "SKB … tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027",
     *           "date": "2026-09-…",
     *           "note": ""
     *         }
     *       ],
     *       "holidays": [
     *         {
     *           "date": "2027-01-01",
     *           "name": "Tahun Baru 2027 Masehi",
     *           "kind": "national",
     *           "source": "SKB …/2026"
     *         }
     *       ]
     *     }
     */
    HolidayDecreeFile: {
      [key: string]: unknown;
    };
    HolidayChangeResult: {
      holiday: components['schemas']['Holiday'];
      /** @description Open deadlines the change moved */
      affected: {
        trackingId: string;
        stage: string;
        from: string;
        to: string;
      }[];
    };
    Holiday: {
      id: number;
      date: string;
      name: string;
      /** @enum {string} */
      kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
      regionCode: string | null;
      source: string;
    };
    HolidayInput: {
      /** @example 2024-04-10 */
      date: string;
      /** @example Hari Raya Idul Fitri 1445 H */
      name: string;
      /** @enum {string} */
      kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
      /**
       * @description Required for a regional holiday
       * @example 64.72
       */
      regionCode?: string | null;
      /** @example SKB 3 Menteri No. 855/2023, 3/2023, 4/2023 */
      source: string;
    };
    HolidayPatch: {
      /** @example 2024-04-10 */
      date?: string;
      /** @example Hari Raya Idul Fitri 1445 H */
      name?: string;
      /** @enum {string} */
      kind?: 'national' | 'cuti_bersama' | 'special' | 'regional';
      /**
       * @description Required for a regional holiday
       * @example 64.72
       */
      regionCode?: string | null;
      /** @example SKB 3 Menteri No. 855/2023, 3/2023, 4/2023 */
      source?: string;
    };
    StatsSummary: {
      scope: {
        /** @enum {string} */
        kind: 'national' | 'institution' | 'region';
        id: string | null;
        name: string;
      };
      period: {
        from: string;
        to: string;
      };
      indicators: {
        received: number;
        resolved: number;
        inProcess: number;
        notFollowedUp: number;
        onHold: number;
        archived: number;
        /** @description Percentage, 2 decimals; null when undefined */
        completionRate: number | null;
        /** @description Percentage, 2 decimals; null when undefined */
        followUpRate: number | null;
        /** @description Working days, 1 decimal */
        averageFollowUpSpeed: number | null;
        followedUp: number;
        overdueNow: number;
        /** @description Percentage, 2 decimals; null when undefined */
        reopenRate: number | null;
        meanRating: number | null;
        rated: number;
        slaCompliance: {
          stage: string;
          met: number;
          breached: number;
          /** @description Percentage, 2 decimals; null when undefined */
          rate: number | null;
        }[];
        backlogAge: {
          bucket: string;
          count: number;
        }[];
      };
      institutions: {
        total: number;
        connected: number;
        active: number;
      };
      /** @description Institution scope only: staff events by role and action (WIB days), boilerplate follow-ups, and reports returned as not our authority with the working days each holder kept them */
      activity: {
        staffActivity: {
          role: string;
          action: string;
          count: number;
        }[];
        boilerplateFollowUps: number;
        forwards: {
          institutionId: number;
          name: string;
          forwards: number;
          heldWorkingDays: number;
          averageHeldDays: number;
        }[];
      } | null;
      grade: {
        code: string;
        label: string;
      } | null;
    };
    StatsRankings: {
      kind: string;
      period: {
        from: string;
        to: string;
      };
      items: {
        rank: number;
        institutionId: number;
        name: string;
        received: number;
        resolved: number;
        /** @description Percentage, 2 decimals; null when undefined */
        completionRate: number | null;
        /** @description Percentage, 2 decimals; null when undefined */
        followUpRate: number | null;
        averageFollowUpSpeed: number | null;
        grade: {
          code: string;
          label: string;
        } | null;
      }[];
    };
    StatsAspirations: {
      groups: {
        topic: string;
        regionCode: string;
        regionName: string;
        count: number;
      }[];
      terms: {
        term: string;
        count: number;
      }[];
    } & {
      [key: string]: unknown;
    };
    ProgramSummary: {
      code: string;
      name: string;
      nameEn: string | null;
      description: string | null;
      owner: {
        id: number;
        name: string;
      };
      areaRegionCodes: string[];
    };
    ProgramDetail: components['schemas']['ProgramSummary'] & {
      categories: {
        code: string;
        name: string;
        nameEn: string | null;
        categoryId: number;
      }[];
      fields: {
        key: string;
        label: string;
        labelEn: string | null;
        /** @enum {string} */
        type: 'text' | 'select' | 'number';
        options?: string[];
        required: boolean;
      }[];
      levels: {
        /** @enum {string} */
        level: 'village' | 'regency' | 'province';
        deadlineDays: number;
        /** @description Who handles this level, in Indonesian */
        handlerName: string;
        handlerNameEn: string;
      }[];
      source: string | null;
    };
    AdminProgram: components['schemas']['ProgramSummary'] & {
      id: number;
      ownerCode: string;
      categories: {
        code: string;
        name: string;
        nameEn: string | null;
        categoryId: number;
      }[];
      fields: {
        key: string;
        label: string;
        labelEn: string | null;
        /** @enum {string} */
        type: 'text' | 'select' | 'number';
        options?: string[];
        required: boolean;
      }[];
      levels: components['schemas']['ProgramLevel'][];
      countsInEvaluation: boolean;
      active: boolean;
      source: string | null;
      createdAt: string;
      updatedAt: string;
    };
    ProgramLevel: {
      /** @enum {string} */
      level: 'village' | 'regency' | 'province';
      handler: components['schemas']['ProgramHandler'];
      deadlineDays: number;
    };
    /** @description `village_unit`: the village’s own unit under its regency/city government (created on first use); `regional_government`: the regency/city or province government of the grievance’s village; `institution`: a named institution by code. */
    ProgramHandler:
      | {
          /** @enum {string} */
          kind: 'village_unit';
        }
      | {
          /** @enum {string} */
          kind: 'regional_government';
        }
      | {
          /** @enum {string} */
          kind: 'institution';
          code: string;
        };
    ProgramCreate: {
      /** @example fcpf-cf-kaltim */
      code: string;
      name: string;
      /** @default null */
      nameEn?: string | null;
      /** @default null */
      description?: string | null;
      /** @example pemprov-64 */
      ownerCode: string;
      areaRegionCodes: string[];
      categories: {
        code: string;
        name: string;
        /** @default null */
        nameEn?: string | null;
        /** @description The national category it maps to */
        categoryId: number;
      }[];
      /** @default [] */
      fields?: {
        key: string;
        label: string;
        /** @default null */
        labelEn?: string | null;
        /** @enum {string} */
        type: 'text' | 'select' | 'number';
        options?: string[];
        /** @default false */
        required?: boolean;
      }[];
      /** @description One per level, lowest first, none skipped */
      levels: components['schemas']['ProgramLevel'][];
      /** @default true */
      countsInEvaluation?: boolean;
      /** @default true */
      active?: boolean;
      /** @default null */
      source?: string | null;
    };
    ProgramUpdate: {
      name: string;
      /** @default null */
      nameEn?: string | null;
      /** @default null */
      description?: string | null;
      /** @example pemprov-64 */
      ownerCode: string;
      areaRegionCodes: string[];
      categories: {
        code: string;
        name: string;
        /** @default null */
        nameEn?: string | null;
        /** @description The national category it maps to */
        categoryId: number;
      }[];
      /** @default [] */
      fields?: {
        key: string;
        label: string;
        /** @default null */
        labelEn?: string | null;
        /** @enum {string} */
        type: 'text' | 'select' | 'number';
        options?: string[];
        /** @default false */
        required?: boolean;
      }[];
      /** @description One per level, lowest first, none skipped */
      levels: components['schemas']['ProgramLevel'][];
      /** @default true */
      countsInEvaluation?: boolean;
      /** @default true */
      active?: boolean;
      /** @default null */
      source?: string | null;
    };
    ProgramQueuePage: {
      items: {
        trackingId: string;
        title: string;
        /** @enum {string} */
        status:
          | 'submitted'
          | 'dispositioned'
          | 'in_progress'
          | 'awaiting_reporter'
          | 'resolved'
          | 'on_hold'
          | 'archived';
        /** @enum {string|null} */
        level: 'village' | 'regency' | 'province' | null;
        levelDueAt: string | null;
        /** @description The level deadline has passed and it is still open */
        overdue: boolean;
        village: {
          code: string;
          name: string | null;
        };
        category: string | null;
        holder: {
          id: number;
          name: string | null;
        } | null;
        createdAt: string;
      }[];
      nextCursor: string | null;
    };
    ProgramReport: {
      program: {
        code: string;
        name: string;
      };
      period: {
        from: string | null;
        to: string | null;
        timeZone: string;
      };
      total: number;
      byCategory: {
        code: string;
        name: string;
        count: number;
      }[];
      byLevel: {
        village?: number;
        regency?: number;
        province?: number;
      };
      byVillage: {
        code: string;
        name: string | null;
        count: number;
      }[];
      byStatus: {
        submitted?: number;
        dispositioned?: number;
        in_progress?: number;
        awaiting_reporter?: number;
        resolved?: number;
        on_hold?: number;
        archived?: number;
      };
      byGender: {
        female: number;
        male: number;
        notGiven: number;
      };
      genderByStatus: {
        female: {
          submitted?: number;
          dispositioned?: number;
          in_progress?: number;
          awaiting_reporter?: number;
          resolved?: number;
          on_hold?: number;
          archived?: number;
        };
        male: {
          submitted?: number;
          dispositioned?: number;
          in_progress?: number;
          awaiting_reporter?: number;
          resolved?: number;
          on_hold?: number;
          archived?: number;
        };
        notGiven: {
          submitted?: number;
          dispositioned?: number;
          in_progress?: number;
          awaiting_reporter?: number;
          resolved?: number;
          on_hold?: number;
          archived?: number;
        };
      };
      timeToResolve: {
        resolved: number;
        meanWorkingDays: number | null;
        medianWorkingDays: number | null;
      };
      withinDeadline: {
        resolved: number;
        within: number;
        percent: number | null;
      };
    };
    ProgramVillages: {
      items: {
        code: string;
        name: string | null;
        filed: number;
        byFacilitators: number;
        open: number;
        resolved: number;
        point: {
          lat: number;
          lng: number;
        } | null;
      }[];
    };
    SimilarReports: {
      trackingId: string;
      items: components['schemas']['SimilarReport'][];
    };
    SimilarReport: {
      trackingId: string;
      title: string;
      /** @enum {string} */
      status:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived';
      statusLabel: string;
      holder: {
        id: number;
        name: string;
      } | null;
      isConfidential: boolean;
      createdAt: string;
      /** @description Trigram similarity, 0–1 (1 for an exact trackingId) */
      similarity: number;
    };
    ModerationQueue: {
      items: components['schemas']['ModerationItem'][];
      page: number;
      pageSize: number;
      total: number;
    };
    ModerationItem: {
      trackingId: string;
      title: string;
      body: string;
      status: string;
      channel: string;
      /** @enum {string} */
      reason: 'spam' | 'abusive';
      /**
       * @description `rule`: flagged at intake (see `rules`); `staff`: by its holder
       * @enum {string}
       */
      source: 'rule' | 'staff';
      rules: ('honeypot' | 'address_limit')[];
      flaggedAt: string;
      /** @description The staff note with the flag */
      note: string | null;
      /** @description The holder now; null: the national queue */
      institution: {
        id: number;
        name: string;
      } | null;
      /** @description The institution the reporter chose */
      requestedInstitution: {
        id: number;
        name: string;
      } | null;
      createdAt: string;
    };
    WebhookEndpointCreated: components['schemas']['WebhookEndpoint'] & {
      /** @description whsec_…: shown only in this answer */
      secret: string;
    };
    WebhookEndpoint: {
      id: string;
      appId: string;
      url: string;
      description: string;
      eventTypes: string[];
      enabled: boolean;
      disabledAt: string | null;
      disabledReason: string | null;
      failingSince: string | null;
      previousSecretUntil: string | null;
      createdAt: string;
    };
    WebhookEndpointInput: {
      /** @example https://lapor-wal.kaltimprov.go.id/pintu/webhooks */
      url: string;
      description?: string;
      eventTypes: (
        | 'report.filed'
        | 'report.dispositioned'
        | 'report.status_changed'
        | 'report.follow_up_published'
        | 'report.reporter_replied'
        | 'report.deadline_breached'
      )[];
    };
    WebhookEndpointPatch: {
      url?: string;
      description?: string;
      eventTypes?: (
        | 'report.filed'
        | 'report.dispositioned'
        | 'report.status_changed'
        | 'report.follow_up_published'
        | 'report.reporter_replied'
        | 'report.deadline_breached'
      )[];
      enabled?: boolean;
    };
    WebhookSecretRotated: {
      secret: string;
      previousSecretUntil: string;
    };
    WebhookDelivery: {
      id: number;
      endpointId: string;
      messageId: string;
      eventType: string;
      trackingId: string | null;
      payload?: unknown;
      /** @enum {string} */
      status: 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';
      attempts: number;
      nextAttemptAt: string | null;
      lastStatusCode: number | null;
      lastError: string | null;
      responseMs: number | null;
      replayOf: number | null;
      createdAt: string;
      deliveredAt: string | null;
    };
    WebhookDeliveryPage: {
      items: components['schemas']['WebhookDelivery'][];
      nextCursor: string | null;
    };
    IntegrationApp: {
      id: string;
      name: string;
      slug: string;
      channel: string;
      institutionId: number;
      contactName: string;
      contactEmail: string;
      createdAt: string;
      disabledAt: string | null;
    };
    IntegrationAppInput: {
      name: string;
      /** @example lapor-wal */
      slug: string;
      institutionId: number;
      contactName: string;
      /** Format: email */
      contactEmail: string;
    };
    IntegrationAppPatch: {
      name?: string;
      contactName?: string;
      /** Format: email */
      contactEmail?: string;
      disabled?: boolean;
    };
    IntegrationKey: {
      id: string;
      appId: string;
      prefix: string;
      name: string;
      permissions: string[];
      rateLimit: number;
      expiresAt: string | null;
      revokedAt: string | null;
      rotatedFrom: string | null;
      lastUsedAt: string | null;
      createdAt: string;
      /** @enum {string} */
      status: 'live' | 'expiring' | 'expired' | 'revoked';
    };
    IntegrationKeyCreated: components['schemas']['IntegrationKey'] & {
      /** @description The API key itself: shown this once, never again. */
      key: string;
      previous?: {
        id: string;
        expiresAt: string;
      };
    };
    IntegrationKeyInput: {
      name: string;
      permissions: ('reports:file' | 'reports:read' | 'reports:act' | 'webhooks:manage')[];
      /** Format: date-time */
      expiresAt?: string;
      rateLimit?: number;
    };
    IntegrationReportPage: {
      items: components['schemas']['IntegrationReport'][];
      nextCursor: string | null;
    };
    IntegrationReport: {
      trackingId: string;
      title: string;
      /** @enum {string} */
      status:
        | 'submitted'
        | 'dispositioned'
        | 'in_progress'
        | 'awaiting_reporter'
        | 'resolved'
        | 'on_hold'
        | 'archived';
      institutionId: number | null;
      channel: string;
      externalRef: string | null;
      dueAt: string | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    OpenReportPage: {
      items: components['schemas']['OpenReportRow'][];
      next: string | null;
    };
    OpenReportRow: {
      tracking_id: string;
      parent_tracking_id: string | null;
      url: string;
      type: string;
      type_label_id: string;
      type_label_en: string;
      status: string;
      status_label_id: string;
      status_label_en: string;
      category_code: string;
      category_name: string;
      category_name_en: string | null;
      topic_code: string;
      topic_name: string;
      topic_name_en: string | null;
      created_date: string;
      incident_month: string;
      province_code: string;
      province_name: string | null;
      regency_code: string | null;
      regency_name: string | null;
      institution_code: string | null;
      institution_name: string | null;
      dispositioned_date: string | null;
      first_follow_up_date: string | null;
      resolved_date: string | null;
      archive_reason: string | null;
      rating: number | null;
      channel: string;
      attachment_urls: string[];
    };
    OpenAggregates: {
      from: string;
      to: string;
      rule: {
        id: string;
        en: string;
      };
      cells: {
        month: string;
        province_code: string;
        province_name: string | null;
        regency_code: string | null;
        regency_name: string | null;
        topic_code: string;
        topic_name: string;
        status: string;
        reports: number;
      }[];
      totals: {
        month: string;
        province_code: string;
        province_name: string | null;
        reports: number | null;
      }[];
    };
    OpenDataIndex: {
      generatedAt: string | null;
      licence: {
        id: string;
        title: string;
        url: string;
      };
      rule: {
        id: string;
        en: string;
      };
      temporal: {
        start: string;
        end: string;
      } | null;
      files: {
        name: string;
        mediaType: string;
        format: string;
        title_id: string;
        title_en: string;
        bytes: number;
        sha256: string;
        rows: number | null;
        url: string;
      }[];
      dictionary: {
        table: string;
        field: string;
        type: string;
        nullable: boolean;
        description_id: string;
        description_en: string;
      }[];
    };
    AttachmentPublication: {
      id: string;
      withheld: boolean;
      withheldAt: string | null;
    };
    AttachmentPublicationInput: {
      /** @description true: withhold from publication; false: publish. */
      withheld: boolean;
    };
    FederationView: {
      self: {
        slug: string;
        name: string;
        baseUrl: string;
        fingerprint: string;
      };
      peers: components['schemas']['FederationPeer'][];
      authority: {
        institutionCode: string;
        instance: string;
      }[];
    };
    FederationPeer: {
      slug: string;
      name: string;
      baseUrl: string;
      state: string;
      /** @description SHA-256 of the public key, read out between operators */
      fingerprint: string;
      trustedAt: string;
      backlog: components['schemas']['FederationBacklog'];
    };
    FederationBacklog: {
      /** @description Messages not yet delivered to this peer */
      queued: number;
      /** @description When the oldest undelivered one was written */
      oldestQueuedAt: string | null;
      lastError: string | null;
      lastErrorAt: string | null;
      lastDeliveredAt: string | null;
    };
    FederationTrustInput: {
      /** @description The peer's identity document, as printed */
      document: string;
      /** @description The fingerprint the peer's operator read out */
      fingerprint: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
