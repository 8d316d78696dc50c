import { configure } from '@testing-library/react'

// CI machines are small and busy: a page may take more than a second to render there
configure({ asyncUtilTimeout: 5000 })
